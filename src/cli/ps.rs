//! `omni ps` and `omni stop`: everything omni runs in the background, across
//! systems, through the one supervisor (runtime::supervisor).

use std::io::{self, Write};
use std::time::Duration;

use clap::{ArgMatches, Command, arg};
use serde::Serialize;

use super::Ctx;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::output::{Render, Style};
use crate::runtime::supervisor::{EntryStatus, Stopped, Supervisor};
use crate::runtime::units::{HumanDuration, parse_duration};

pub(super) fn ps_command() -> Command {
    Command::new("ps").about("List what omni runs in the background, across systems")
}

pub(super) fn stop_command() -> Command {
    Command::new("stop")
        .about("Stop background work started with --detach")
        .arg(arg!([ID] ... "Entries to stop (see omni ps)").required_unless_present("all"))
        .arg(arg!(--all "Stop every entry").conflicts_with("ID"))
        .arg(
            arg!(--grace <DURATION> "How long to wait before terminating [default: [governor] stop_grace]")
                .value_parser(|s: &str| parse_duration(s).map_err(|e| e.to_string())),
        )
}

fn supervisor(ctx: &Ctx) -> Result<Supervisor, Failure> {
    Ok(Supervisor::new(ctx.dirs()?.state))
}

#[derive(Serialize)]
struct PsReport {
    entries: Vec<EntryStatus>,
}

impl Render for PsReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        if self.entries.is_empty() {
            return Ok(());
        }
        let rows: Vec<[String; 6]> = self
            .entries
            .iter()
            .map(|e| {
                [
                    e.id.clone(),
                    e.system.clone(),
                    e.pid.to_string(),
                    e.state_text(),
                    e.uptime
                        .map(|u| HumanDuration(Duration::from_secs(u.as_secs())).to_string())
                        .unwrap_or_else(|| "-".into()),
                    e.label.clone(),
                ]
            })
            .collect();
        let header = ["ID", "SYSTEM", "PID", "STATE", "UPTIME", "LABEL"].map(String::from);
        let mut widths = header.each_ref().map(|h| h.chars().count());
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |row: &[String; 6]| {
            let cells: Vec<String> = row
                .iter()
                .zip(widths)
                .map(|(c, w)| format!("{c:w$}"))
                .collect();
            cells.join("  ").trim_end().to_string()
        };
        writeln!(w, "{}", style.bold(&line(&header)))?;
        for row in &rows {
            writeln!(w, "{}", line(row))?;
        }
        Ok(())
    }
}

pub(super) fn ps(ctx: &Ctx) -> Result<Exit, Failure> {
    let entries = supervisor(ctx)?.list()?;
    ctx.output.emit(&PsReport { entries })?;
    Ok(Exit::Success)
}

#[derive(Serialize)]
struct StopReport {
    stopped: Vec<Stopped>,
}

impl Render for StopReport {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        for s in &self.stopped {
            let code = s
                .exit_code
                .map_or_else(|| "?".to_string(), |c| c.to_string());
            writeln!(w, "{}  {} (exit {code})", s.id, s.outcome.as_str())?;
        }
        Ok(())
    }
}

pub(super) fn stop(m: &ArgMatches, ctx: &Ctx) -> Result<Exit, Failure> {
    let sup = supervisor(ctx)?;
    let grace = match m.get_one::<Duration>("grace") {
        Some(g) => *g,
        None => ctx
            .config
            .duration("governor", "stop_grace")
            .unwrap_or(Duration::from_secs(5)),
    };
    let mut stopped = Vec::new();
    let mut first_error = None;
    if m.get_flag("all") {
        for result in sup.stop_all(grace)? {
            match result {
                Ok(s) => stopped.push(s),
                Err(e) => first_error = first_error.or(Some(Failure::from(e))),
            }
        }
    } else {
        for id in m.get_many::<String>("ID").into_iter().flatten() {
            match sup.stop(id, grace) {
                Ok(s) => stopped.push(s),
                Err(e) => first_error = first_error.or(Some(Failure::from(e))),
            }
        }
    }
    // Report what was stopped even when another entry could not be.
    ctx.output.emit(&StopReport { stopped })?;
    match first_error {
        Some(e) => Err(e),
        None => Ok(Exit::Success),
    }
}
