//! `omni --list` and `omni --install DIR [--dry-run]`.
//!
//! `--install` creates, for every system in this build, the links
//! `DIR/omni-<system>` and `DIR/<classic alias>` pointing at this binary.
//! It is idempotent (a link that already points here is left alone) and it
//! never replaces anything else: every conflict is found before the first
//! change, so a refused install changes nothing.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Ctx;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::output::{Render, Style, write_rows};

#[derive(Serialize)]
struct ListReport {
    version: &'static str,
    systems: Vec<ListedSystem>,
}

#[derive(Serialize)]
struct ListedSystem {
    system: &'static str,
    aliases: [String; 2],
    about: &'static str,
}

impl Render for ListReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        let rows: Vec<(String, String)> = self
            .systems
            .iter()
            .map(|s| {
                let names = format!("{:<10} {:<16} {}", s.system, s.aliases[1], s.aliases[0]);
                (names, style.dim(s.about))
            })
            .collect();
        write_rows(w, &rows)
    }
}

pub(super) fn list(ctx: &Ctx) -> Result<Exit, Failure> {
    let systems: Vec<ListedSystem> = ctx
        .systems
        .iter()
        .map(|e| ListedSystem {
            system: e.id,
            aliases: e.names(),
            about: e.about,
        })
        .collect();
    if systems.is_empty() {
        ctx.output
            .note("omni", "no systems are compiled into this build");
    }
    ctx.output.emit(&ListReport {
        version: super::VERSION,
        systems,
    })?;
    Ok(Exit::Success)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum Action {
    Created,
    WouldCreate,
    Unchanged,
}

#[derive(Serialize)]
struct InstallReport {
    dir: PathBuf,
    target: PathBuf,
    dry_run: bool,
    links: Vec<LinkReport>,
}

#[derive(Serialize)]
struct LinkReport {
    name: String,
    path: PathBuf,
    action: Action,
}

impl Render for InstallReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        for link in &self.links {
            let action = match link.action {
                Action::Created => style.good("created"),
                Action::WouldCreate => "would create".to_string(),
                Action::Unchanged => style.dim("unchanged"),
            };
            writeln!(
                w,
                "{action:<12} {} -> {}",
                link.path.display(),
                self.target.display()
            )?;
        }
        Ok(())
    }
}

/// True when `path` is a symlink that resolves to the same file as `exe`.
fn is_own_link(path: &Path, exe: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.file_type().is_symlink() {
        return false;
    }
    match (std::fs::canonicalize(path), std::fs::canonicalize(exe)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

pub(super) fn install(ctx: &Ctx, dir: &Path, dry_run: bool) -> Result<Exit, Failure> {
    let exe = std::env::current_exe().map_err(|e| Failure::io("finding the omni binary", e))?;
    // A link next to the binary stays relative, so the whole prefix can move.
    let same_dir = match (
        std::fs::canonicalize(dir),
        exe.parent().map(std::fs::canonicalize),
    ) {
        (Ok(d), Some(Ok(p))) => d == p,
        _ => false,
    };
    let link_value = if same_dir {
        PathBuf::from(exe.file_name().unwrap_or_default())
    } else {
        exe.clone()
    };

    let mut links = Vec::new();
    for entry in ctx.systems {
        for name in entry.names() {
            let path = dir.join(&name);
            let action = if is_own_link(&path, &exe) {
                Action::Unchanged
            } else if std::fs::symlink_metadata(&path).is_ok() {
                return Err(Failure::new(
                    Exit::IoErr,
                    format!(
                        "refusing to replace {}: it is not a link to this omni ({}); remove it or choose another directory",
                        path.display(),
                        exe.display()
                    ),
                ));
            } else if dry_run {
                Action::WouldCreate
            } else {
                Action::Created
            };
            links.push(LinkReport { name, path, action });
        }
    }
    if !dry_run {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::io(format!("creating {}", dir.display()), e))?;
        for link in links.iter().filter(|l| l.action == Action::Created) {
            std::os::unix::fs::symlink(&link_value, &link.path)
                .map_err(|e| Failure::io(format!("linking {}", link.path.display()), e))?;
        }
    }
    ctx.output.emit(&InstallReport {
        dir: dir.to_path_buf(),
        target: link_value,
        dry_run,
        links,
    })?;
    Ok(Exit::Success)
}
