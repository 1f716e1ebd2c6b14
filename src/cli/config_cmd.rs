//! `omni config show|check|init`: inspect, validate and create the
//! configuration file.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{ArgMatches, Command, arg, value_parser};
use serde::Serialize;

use super::{Ctx, compiled_out_ids, config_sections};
use crate::runtime::config::{
    Config, ConfigError, FileChoice, Origin, default_config_path, default_file_text,
};
use crate::runtime::error::{Exit, Failure};
use crate::runtime::output::{Render, Style};
use crate::runtime::state::write_atomic;

pub(super) fn command() -> Command {
    Command::new("config")
        .about("Show, check or create the configuration file")
        .subcommand_required(true)
        .subcommand(
            Command::new("show")
                .about("Print the effective configuration and the layer each value came from"),
        )
        .subcommand(
            Command::new("check")
                .about("Validate a configuration file (default: the one omni would load)")
                .arg(arg!([PATH] "The file to check").value_parser(value_parser!(PathBuf))),
        )
        .subcommand(
            Command::new("init")
                .about("Write a commented default configuration file")
                .arg(
                    arg!(--path <PATH> "Where to write it ('-' for stdout) [default: $XDG_CONFIG_HOME/omni/config.toml]")
                        .value_parser(value_parser!(PathBuf)),
                )
                .arg(arg!(--force "Replace an existing file")),
        )
}

pub(super) fn run(m: &ArgMatches, ctx: &Ctx) -> Result<Exit, Failure> {
    match m.subcommand() {
        Some(("show", _)) => show(ctx),
        Some(("check", sub)) => check(ctx, sub.get_one::<PathBuf>("PATH")),
        Some(("init", sub)) => init(ctx, sub.get_one::<PathBuf>("path"), sub.get_flag("force")),
        _ => Err(Failure::new(
            Exit::Usage,
            "missing subcommand (see omni config --help)",
        )),
    }
}

#[derive(Serialize)]
struct ShowReport {
    file: Option<PathBuf>,
    sections: Vec<ShowSection>,
}

#[derive(Serialize)]
struct ShowSection {
    name: &'static str,
    keys: Vec<ShowKey>,
}

#[derive(Serialize)]
struct ShowKey {
    key: &'static str,
    value: serde_json::Value,
    #[serde(skip)]
    toml: Option<String>,
    origin: String,
    source: Option<String>,
}

impl Render for ShowReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        match &self.file {
            Some(f) => writeln!(w, "{}", style.dim(&format!("# file: {}", f.display())))?,
            None => writeln!(w, "{}", style.dim("# no configuration file loaded"))?,
        }
        for section in &self.sections {
            writeln!(w, "\n{}", style.bold(&format!("[{}]", section.name)))?;
            let lines: Vec<(String, &ShowKey)> = section
                .keys
                .iter()
                .map(|k| match &k.toml {
                    Some(v) => (format!("{} = {v}", k.key), k),
                    None => (format!("# {} (unset)", k.key), k),
                })
                .collect();
            let width = lines
                .iter()
                .map(|(l, _)| l.chars().count())
                .max()
                .unwrap_or(0);
            for (line, key) in lines {
                let origin = match &key.source {
                    Some(src) => format!("# {} {src}", key.origin),
                    None => format!("# {}", key.origin),
                };
                writeln!(w, "{line:width$}  {}", style.dim(&origin))?;
            }
        }
        Ok(())
    }
}

fn show(ctx: &Ctx) -> Result<Exit, Failure> {
    let config = &ctx.config;
    let sections = config
        .sections()
        .iter()
        .map(|section| ShowSection {
            name: section.name,
            keys: section
                .keys
                .iter()
                .map(|key| {
                    let (value, origin) = config.entry(section.name, key.name);
                    let (origin, source) = match origin {
                        Origin::Default => ("default".to_string(), None),
                        Origin::File(p) => ("file".to_string(), Some(p.display().to_string())),
                        Origin::Env(v) => ("env".to_string(), Some(v.clone())),
                        Origin::Flag(f) => ("flag".to_string(), Some(f.clone())),
                    };
                    ShowKey {
                        key: key.name,
                        value: value.map_or(serde_json::Value::Null, |v| v.to_json()),
                        toml: value.map(|v| v.to_toml()),
                        origin,
                        source,
                    }
                })
                .collect(),
        })
        .collect();
    ctx.output.emit(&ShowReport {
        file: config.file().map(PathBuf::from),
        sections,
    })?;
    Ok(Exit::Success)
}

#[derive(Serialize)]
struct CheckReport {
    file: PathBuf,
    valid: bool,
}

impl Render for CheckReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(w, "{}: {}", self.file.display(), style.good("ok"))
    }
}

fn check(ctx: &Ctx, path: Option<&PathBuf>) -> Result<Exit, Failure> {
    let path = match path {
        Some(p) => p.clone(),
        None => FileChoice::resolve(None, &ctx.env)
            .map(|c| c.path)
            .ok_or_else(|| {
                Failure::new(
                    Exit::NoInput,
                    "no configuration file to check: name one, or set HOME",
                )
            })?,
    };
    let sections = config_sections(ctx.systems);
    Config::check_file(&path, &sections, &compiled_out_ids(ctx.systems))?;
    ctx.output.emit(&CheckReport {
        file: path,
        valid: true,
    })?;
    Ok(Exit::Success)
}

#[derive(Serialize)]
struct InitReport {
    written: PathBuf,
}

impl Render for InitReport {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        writeln!(w, "wrote {}", self.written.display())
    }
}

fn init(ctx: &Ctx, path: Option<&PathBuf>, force: bool) -> Result<Exit, Failure> {
    let text = default_file_text(&config_sections(ctx.systems));
    let path = match path {
        Some(p) if p.as_os_str() == "-" => {
            ctx.output.raw(text.as_bytes())?;
            return Ok(Exit::Success);
        }
        Some(p) => p.clone(),
        None => default_config_path(&ctx.env).ok_or_else(|| {
            Failure::new(
                Exit::Config,
                "cannot tell where to write: set HOME or pass --path",
            )
        })?,
    };
    if !force && path.exists() {
        return Err(ConfigError::Exists { path }.into());
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| ConfigError::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    write_atomic(&path, text.as_bytes(), 0o644)?;
    ctx.output.emit(&InitReport { written: path })?;
    Ok(Exit::Success)
}
