//! `omni completions` and `omni man`: shell completions and man pages,
//! generated from the same clap tree that parses the command line, so help,
//! completions and man pages never disagree.
//!
//! The committed files under `completions/` and `man/` are produced by
//! `omni completions --out-dir completions` and `omni man --out-dir man`
//! (scripts/gen-docs.sh); a test fails when they are stale.

use std::path::{Path, PathBuf};

use clap::{ArgMatches, Command, arg, value_parser};
use clap_complete::{Generator, Shell};

use super::{Ctx, alias_command, root_command};
use crate::commands::SystemEntry;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::state::write_atomic;

pub(super) fn completions_command() -> Command {
    Command::new("completions")
        .about("Print a shell completion script")
        .arg(
            arg!([SHELL] "The shell")
                .value_parser(value_parser!(Shell))
                .required_unless_present("out-dir"),
        )
        .arg(arg!(--alias <NAME> "Complete an alias (chaos-cli, omni-chaos) instead of omni"))
        .arg(
            arg!(--"out-dir" <DIR> "Write every script (all shells, omni and each alias) into DIR")
                .value_parser(value_parser!(PathBuf))
                .hide(true),
        )
}

pub(super) fn man_command(_systems: &[SystemEntry]) -> Command {
    Command::new("man")
        .about("Print a man page (roff): omni's, a system's or a command's")
        .arg(
            arg!([COMMAND] ... "The command whose page to print (e.g. `attest verify`, `config show`)")
                .num_args(0..),
        )
        .arg(
            arg!(--"out-dir" <DIR> "Write every page (omni, each command, each alias) into DIR")
                .value_parser(value_parser!(PathBuf))
                .hide(true),
        )
}

/// The names completions and man pages exist for: `omni`, then each
/// system's `omni-<id>` and classic alias.
fn all_names(systems: &[SystemEntry]) -> Vec<(String, Option<&SystemEntry>)> {
    let mut names = vec![("omni".to_string(), None)];
    for entry in systems {
        for name in entry.names() {
            names.push((name, Some(entry)));
        }
    }
    names
}

fn completion_script(
    shell: Shell,
    name: &str,
    entry: Option<&SystemEntry>,
    systems: &[SystemEntry],
) -> Vec<u8> {
    let mut cmd = match entry {
        Some(e) => alias_command(e, name),
        None => root_command(systems),
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, name, &mut buf);
    buf
}

pub(super) fn completions(m: &ArgMatches, ctx: &Ctx) -> Result<Exit, Failure> {
    let systems = ctx.systems;
    if let Some(dir) = m.get_one::<PathBuf>("out-dir") {
        let shells = [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ];
        for (name, entry) in all_names(systems) {
            for shell in shells {
                let path = dir.join(shell.file_name(&name));
                write_file(&path, &completion_script(shell, &name, entry, systems))?;
            }
        }
        return Ok(Exit::Success);
    }
    let shell = *m.get_one::<Shell>("SHELL").ok_or_else(|| {
        Failure::new(
            Exit::Usage,
            "name a shell: bash, zsh, fish, elvish or powershell",
        )
    })?;
    let (name, entry) = match m.get_one::<String>("alias") {
        None => ("omni".to_string(), None),
        Some(alias) => {
            let entry = systems
                .iter()
                .find(|e| e.names().contains(alias))
                .ok_or_else(|| {
                    Failure::new(
                        Exit::Usage,
                        format!(
                            "'{alias}' is not an alias of a system in this build (see omni --list)"
                        ),
                    )
                })?;
            (alias.clone(), Some(entry))
        }
    };
    ctx.output
        .raw(&completion_script(shell, &name, entry, systems))?;
    Ok(Exit::Success)
}

/// One man page: `name.1`, and the system it belongs to (for SEE ALSO).
struct Page<'a> {
    name: String,
    cmd: Command,
    entry: Option<&'a SystemEntry>,
}

/// Every page of this build: `omni`, then a page per command at every level
/// (`omni-config`, `omni-config-show`, `omni-attest`, `omni-attest-verify`),
/// so each `name(1)` a page lists in SUBCOMMANDS exists. `help` gets none:
/// it is left out of the listings instead.
fn pages(systems: &[SystemEntry]) -> Vec<Page<'_>> {
    let mut root = root_command(systems);
    // NB: build() applies deferred arguments, adds the help subcommands and
    // flags, and propagates the global flags, as a parse would.
    root.build();
    let mut out = Vec::new();
    collect_pages("omni".to_string(), root, None, systems, &mut out);
    out
}

fn collect_pages<'a>(
    name: String,
    cmd: Command,
    entry: Option<&'a SystemEntry>,
    systems: &'a [SystemEntry],
    out: &mut Vec<Page<'a>>,
) {
    let subcommands: Vec<Command> = cmd
        .get_subcommands()
        .filter(|c| c.get_name() != "help" && !c.is_hide_set())
        .cloned()
        .collect();
    let cmd = if cmd.find_subcommand("help").is_some() {
        cmd.mut_subcommand("help", |h| h.hide(true))
    } else {
        cmd
    };
    out.push(Page {
        name: name.clone(),
        cmd,
        entry,
    });
    for sub in subcommands {
        let sub_name = format!("{name}-{}", sub.get_name());
        let system = systems
            .iter()
            .find(|e| entry.is_none() && e.id == sub.get_name());
        let sub = match system {
            // A system's page is the one its alias `omni-<id>` shows.
            Some(e) => {
                let mut cmd = alias_command(e, &sub_name);
                cmd.build();
                cmd
            }
            None => sub.version(super::VERSION),
        };
        collect_pages(sub_name, sub, system.or(entry), systems, out);
    }
}

/// The roff text of a page: clap's sections plus EXIT STATUS, ENVIRONMENT, FILES.
fn render_page(page: &Page<'_>) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(page.cmd.clone())
        .source(format!("omni {}", super::VERSION))
        .date("")
        .render(&mut buf)
        .map_err(|e| Failure::io("rendering man page", e))?;
    let mut extra = String::new();
    extra.push_str(".SH \"EXIT STATUS\"\n");
    for exit in crate::runtime::error::Exit::ALL {
        extra.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            exit.code(),
            roff_escape(exit.meaning())
        ));
    }
    extra.push_str(ENVIRONMENT);
    extra.push_str(FILES);
    if let Some(e) = page.entry {
        extra.push_str(&format!(
            ".SH \"SEE ALSO\"\n\\fBomni\\fR(1); this system is also \\fBomni {}\\fR and \\fB{}\\fR\n",
            e.id, e.alias
        ));
    }
    buf.extend_from_slice(extra.as_bytes());
    Ok(buf)
}

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
\fBOMNI_CONFIG\fR
Configuration file, unless \fB\-\-config\fR is given.
.TP
\fBOMNI_<SECTION>_<KEY>\fR
Overrides one configuration key, e.g. \fBOMNI_GOVERNOR_WORKERS=4\fR. Flags override it.
.TP
\fBOMNI_STATE_DIR\fR, \fBOMNI_DATA_DIR\fR
State (background work, job records) and data directories.
.TP
\fBOMNI_ARGV0\fR
Overrides the program name used for dispatch (for wrappers and tests).
.TP
\fBNO_COLOR\fR, \fBCLICOLOR_FORCE\fR, \fBTERM\fR, \fBCI\fR
Colour and progress display, as described in \fB\-\-color\fR.
"#;

const FILES: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/omni/config.toml\fR
Default configuration file (\fBomni config init\fR writes a commented one).
.TP
\fI$XDG_STATE_HOME/omni/\fR
State directory: background work started with \fB\-\-detach\fR, listed by \fBomni ps\fR.
"#;

fn roff_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('-', "\\-")
}

pub(super) fn man(m: &ArgMatches, ctx: &Ctx) -> Result<Exit, Failure> {
    let systems = ctx.systems;
    if let Some(dir) = m.get_one::<PathBuf>("out-dir") {
        for page in pages(systems) {
            write_file(&dir.join(format!("{}.1", page.name)), &render_page(&page)?)?;
        }
        for entry in systems {
            let so = format!(".so man1/omni-{}.1\n", entry.id);
            write_file(&dir.join(format!("{}.1", entry.alias)), so.as_bytes())?;
        }
        return Ok(Exit::Success);
    }
    let words: Vec<&str> = m
        .get_many::<String>("COMMAND")
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let wanted = std::iter::once("omni")
        .chain(words.iter().copied())
        .collect::<Vec<_>>()
        .join("-");
    let page = pages(systems)
        .into_iter()
        .find(|p| p.name == wanted)
        .ok_or_else(|| {
            Failure::new(
                Exit::Usage,
                format!(
                    "no man page for 'omni {}' in this build (see omni --help)",
                    words.join(" ")
                ),
            )
        })?;
    ctx.output.raw(&render_page(&page)?)?;
    Ok(Exit::Success)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::io(format!("creating {}", parent.display()), e))?;
    }
    Ok(write_atomic(path, bytes, 0o644)?)
}
