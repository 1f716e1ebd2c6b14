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

pub(super) fn man_command(systems: &[SystemEntry]) -> Command {
    let ids: Vec<&'static str> = systems.iter().map(|s| s.id).collect();
    let mut system = arg!([SYSTEM] "Print the page of this system instead of omni's");
    if !ids.is_empty() {
        system = system.value_parser(ids);
    }
    Command::new("man")
        .about("Print a man page (roff)")
        .arg(system)
        .arg(
            arg!(--"out-dir" <DIR> "Write every page (omni, each system, each alias) into DIR")
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

/// The roff text of a page: clap's sections plus EXIT STATUS, ENVIRONMENT, FILES.
fn man_page(
    name: &str,
    entry: Option<&SystemEntry>,
    systems: &[SystemEntry],
) -> Result<Vec<u8>, Failure> {
    let cmd = match entry {
        Some(e) => alias_command(e, name),
        None => root_command(systems),
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
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
    if let Some(e) = entry {
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
        write_file(&dir.join("omni.1"), &man_page("omni", None, systems)?)?;
        for entry in systems {
            let page = format!("omni-{}", entry.id);
            write_file(
                &dir.join(format!("{page}.1")),
                &man_page(&page, Some(entry), systems)?,
            )?;
            let so = format!(".so man1/{page}.1\n");
            write_file(&dir.join(format!("{}.1", entry.alias)), so.as_bytes())?;
        }
        return Ok(Exit::Success);
    }
    let page = match m.get_one::<String>("SYSTEM") {
        None => man_page("omni", None, systems)?,
        Some(id) => {
            let entry = systems.iter().find(|e| e.id == id).ok_or_else(|| {
                Failure::new(Exit::Usage, format!("no system '{id}' in this build"))
            })?;
            man_page(&format!("omni-{id}"), Some(entry), systems)?
        }
    };
    ctx.output.raw(&page)?;
    Ok(Exit::Success)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::io(format!("creating {}", parent.display()), e))?;
    }
    Ok(write_atomic(path, bytes, 0o644)?)
}
