//! Running one shell command as a task: in its own process group, with its
//! output captured, sent to a file or dropped, and stopped as a whole group.
//!
//! Guarantees:
//! - The command runs as `/bin/sh -c CMD` in a new process group whose id is
//!   the shell's pid, so everything it starts (pipelines, `&` jobs,
//!   grandchildren) can be signalled together.
//! - A command without any shell syntax (words of plain characters, the
//!   first not a shell builtin or keyword, see [`simple_words`]) is run the
//!   way GNU make runs one: executed directly, the shell's start-up saved.
//!   What it sees and what is reported is what the shell would give: the
//!   same argv, environment and PATH search; a command killed by signal N
//!   ends as exit status 128+N, as under the shell; a command that cannot be
//!   executed (not found, not executable, a script without `#!`) is handed
//!   to the shell after all, which reports it as usual (127, 126, ...).
//! - A timeout or a cancellation stops the *group*: SIGTERM, then, after the
//!   grace period or as soon as the group is empty, SIGKILL to whatever is
//!   left. No process of the group survives a stopped task.
//! - A task that ends by itself is not touched: background processes it
//!   leaves behind keep running, as under a shell, `xargs` or GNU parallel.
//! - The pid is never signalled after the group is gone: Linux does not hand
//!   out a pid that is still some group's id, and the group is probed before
//!   each signal. Zombies count as gone (they run nothing).

use std::ffi::OsString;
use std::io;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

use tokio_util::sync::CancellationToken;

use crate::runtime::child;

/// Where one output stream of a task goes.
#[derive(Debug, Clone, Default)]
pub enum Sink {
    /// Discarded (`/dev/null`).
    #[default]
    Null,
    /// Collected in memory and returned in [`Finished`].
    Capture,
    /// Written to this file (created or truncated), without passing through omni.
    File(PathBuf),
    /// Appended to this file.
    Append(PathBuf),
    /// Appended to this file, which is created only when the first byte
    /// arrives (through a pipe): thousands of silent tasks leave no empty
    /// log files behind, and cost no file creation each.
    AppendLazily(PathBuf),
    /// The same stream as omni's own.
    Inherit,
}

/// What to run.
#[derive(Debug, Clone)]
pub struct TaskSpec {
    /// The shell command line.
    pub command: String,
    /// The shell (`/bin/sh` unless a caller needs another).
    pub shell: PathBuf,
    /// Variables added to (or replacing in) the inherited environment.
    pub env: Vec<(OsString, OsString)>,
    /// The working directory; `None` is omni's.
    pub cwd: Option<PathBuf>,
    /// Bytes for the task's stdin; `None` is `/dev/null`.
    pub stdin: Option<Vec<u8>>,
    pub stdout: Sink,
    pub stderr: Sink,
    /// Stop the task after this long.
    pub timeout: Option<Duration>,
    /// How long the group has between SIGTERM and SIGKILL.
    pub grace: Duration,
    /// A [`GroupLedger`] to note the task's process group in, so a later
    /// process can stop it if this one dies first (`kill -9`).
    pub ledger: Option<GroupLedger>,
    /// Execute a command without shell syntax directly (module docs); only
    /// ever under `/bin/sh`, whose rules [`simple_words`] follows.
    pub direct: bool,
    /// The PATH the task inherits (unless `env` sets one), so a program run
    /// directly is located once, not searched for by every child
    /// ([`crate::runtime::lookup`]); `None`: each child searches.
    pub search_path: Option<OsString>,
}

impl TaskSpec {
    /// `command` under `/bin/sh`, no input, output discarded, no timeout,
    /// a 2 s grace period.
    pub fn shell(command: impl Into<String>) -> TaskSpec {
        TaskSpec {
            command: command.into(),
            shell: PathBuf::from("/bin/sh"),
            env: Vec::new(),
            cwd: None,
            stdin: None,
            stdout: Sink::Null,
            stderr: Sink::Null,
            timeout: None,
            grace: Duration::from_secs(2),
            ledger: None,
            direct: true,
            search_path: None,
        }
    }
}

/// How a task ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Ending {
    /// It exited with this status.
    Exited(i32),
    /// A signal it did not catch ended it (not one of ours).
    Signaled(i32),
    /// The timeout stopped it.
    TimedOut,
    /// Cancellation stopped it.
    Cancelled,
}

impl Ending {
    pub fn success(self) -> bool {
        self == Ending::Exited(0)
    }
}

/// A task that has ended.
#[derive(Debug, Clone)]
pub struct Finished {
    pub ending: Ending,
    /// The shell's pid (= the process group id while the group lived).
    pub pid: u32,
    pub started: SystemTime,
    pub runtime: Duration,
    /// With [`Sink::Capture`]; empty otherwise.
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Runs `spec` to its end, or until `cancel` fires.
///
/// Errors are failures to start the task (no shell, an unopenable output
/// file) or to talk to it; how the task itself ended is in [`Finished`].
///
/// # Cancel safety
///
/// Not cancel safe: dropping the future kills the group's leader (the
/// shell, or the program run directly) but not the rest of its group. Use
/// `cancel` instead.
pub async fn run(spec: &TaskSpec, cancel: &CancellationToken) -> io::Result<Finished> {
    let words = (spec.direct && spec.shell == std::path::Path::new(SH))
        .then(|| simple_words(&spec.command))
        .flatten();
    let started = SystemTime::now();
    let clock = Instant::now();
    let before = crate::runtime::supervisor::boot_ticks_now();
    let ((child, feed, out_pipe, err_pipe), direct) =
        match words.as_deref().map(|w| spawn(spec, Some(w))) {
            Some(Ok(spawned)) => (spawned, true),
            // Not executable as it is: the shell runs it and reports what it
            // would have reported (127 not found, 126, a script without `#!`).
            failed => {
                if failed.is_some() {
                    crate::runtime::lookup::forget();
                }
                (spawn(spec, None)?, false)
            }
        };
    let pid = child.id();
    if let Some(ledger) = &spec.ledger {
        ledger.record(pid, before, crate::runtime::supervisor::boot_ticks_now());
    }
    if let Some((writer, bytes)) = feed {
        // NB: a separate task, so a command that never reads its stdin
        // cannot block the wait below on a full pipe.
        tokio::spawn(async move {
            let _ = writer.write_all(&bytes).await;
        });
    }

    // The output ends when the task exits (its last writer is gone); the
    // status is collected after that, which then needs no wake-up of its
    // own. NB: the output is read in this same task, not in spawned ones: a
    // short task costs no task hand-offs.
    let work = async {
        let (out, err) = tokio::join!(
            drain(out_pipe, lazy_path(&spec.stdout)),
            drain(err_pipe, lazy_path(&spec.stderr)),
        );
        let status = child.wait().await;
        (out, err, status)
    };
    tokio::pin!(work);
    let deadline = async {
        match spec.timeout {
            Some(t) => tokio::time::sleep(t).await,
            None => std::future::pending().await,
        }
    };
    let stopped = tokio::select! {
        done = &mut work => Ok(done),
        () = deadline => Err(Ending::TimedOut),
        () = cancel.cancelled() => Err(Ending::Cancelled),
    };
    let (out, err, ending) = match stopped {
        Ok((out, err, status)) => match ending_of(status?) {
            // What the shell would have reported for its child.
            Ending::Signaled(n) if direct => (out, err, Ending::Exited(128 + n)),
            ending => (out, err, ending),
        },
        Err(ending) => {
            // The output is still drained while the group stops.
            let ((out, err, _), stop) =
                tokio::join!(&mut work, stop_group(&child, pid, spec.grace));
            stop?;
            (out, err, ending)
        }
    };
    Ok(Finished {
        ending,
        pid,
        started,
        runtime: clock.elapsed(),
        stdout: out?,
        stderr: err?,
    })
}

/// The shell tasks run under, whose syntax [`simple_words`] knows.
const SH: &str = "/bin/sh";

type Spawned = (
    child::Child,
    Option<(child::PipeWriter, Vec<u8>)>,
    Option<child::PipeReader>,
    Option<child::PipeReader>,
);

/// Starts `spec` in a new process group: `words` executed directly, or the
/// command line under the shell.
fn spawn(spec: &TaskSpec, words: Option<&[&str]>) -> io::Result<Spawned> {
    use std::os::unix::process::CommandExt as _;
    let mut cmd = match words {
        Some([program, args @ ..]) => {
            let search = spec
                .env
                .iter()
                .rev()
                .find(|(k, _)| k == "PATH")
                .map(|(_, v)| v)
                .or(spec.search_path.as_ref());
            let mut cmd = match search.and_then(|s| crate::runtime::lookup::locate(s, program)) {
                Some(Some(path)) => {
                    let mut cmd = std::process::Command::new(path);
                    cmd.arg0(program);
                    cmd
                }
                // On no directory of PATH: the shell says so (127).
                Some(None) => return Err(io::ErrorKind::NotFound.into()),
                None => std::process::Command::new(program),
            };
            cmd.args(args);
            cmd
        }
        _ => {
            let mut cmd = std::process::Command::new(&spec.shell);
            cmd.arg("-c").arg(&spec.command);
            cmd
        }
    };
    cmd.envs(spec.env.iter().map(|(k, v)| (k, v)));
    if let Some(dir) = &spec.cwd {
        cmd.current_dir(dir);
    }
    cmd.process_group(0);
    let feed = match &spec.stdin {
        None => {
            cmd.stdin(child::dev_null()?);
            None
        }
        Some(bytes) => {
            let (stdin, writer) = child::input_pipe()?;
            cmd.stdin(stdin);
            Some((writer, bytes.clone()))
        }
    };
    let (stdout, out_pipe) = stdio(&spec.stdout)?;
    let (stderr, err_pipe) = stdio(&spec.stderr)?;
    cmd.stdout(stdout).stderr(stderr);
    Ok((child::Child::spawn(cmd)?, feed, out_pipe, err_pipe))
}

/// Words that mean something to `/bin/sh` as a command name beyond "run
/// the program of that name": its keywords, and the builtins that have no
/// program, act on the shell itself, or behave differently from the program
/// of the same name (`echo -e`, `pwd` with symlinks, `printf`, `kill`).
const SHELL_WORDS: &[&str] = &[
    "!", ".", ":", "[", "[[", "alias", "bg", "break", "case", "cd", "command", "continue", "do",
    "done", "echo", "elif", "else", "esac", "eval", "exec", "exit", "export", "fc", "fg", "fi",
    "for", "function", "getopts", "hash", "if", "in", "jobs", "kill", "local", "printf", "pwd",
    "read", "readonly", "return", "select", "set", "shift", "source", "test", "then", "times",
    "trap", "type", "ulimit", "umask", "unalias", "unset", "until", "wait", "while",
];

/// The words of `command` when `/bin/sh -c command` would do nothing but
/// run them as a program with arguments (PATH search included): words of
/// plain characters only (letters, digits and `-_./:,+%@=`), separated by
/// spaces or tabs, no `=` in the first (an assignment) and a first word
/// that is not in [`SHELL_WORDS`]. Anything else (quotes, escapes, `$`,
/// globs, `~`, redirections, operators, comments, newlines, non-ASCII) is
/// `None`: the shell runs it.
pub fn simple_words(command: &str) -> Option<Vec<&str>> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./:,+%@=".contains(c);
    if !command.chars().all(|c| plain(c) || c == ' ' || c == '\t') {
        return None;
    }
    let words: Vec<&str> = command
        .split([' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect();
    let first = *words.first()?;
    (!first.contains('=') && !SHELL_WORDS.contains(&first)).then_some(words)
}

/// A file listing the process groups tasks were started in, so that after
/// the process that ran them died (`kill -9`), the next one can stop what
/// it left running instead of leaving orphans behind.
///
/// A line is `pid lo hi`: the leader's pid and the boot-time ticks just
/// before and after it was started (its start time lies between them, and
/// no other process could hold that pid meanwhile). Taking the window costs
/// two vDSO clock reads where reading the start time from `/proc` cost a
/// dozen system calls per task. `pid ticks` lines (older omni) still read.
///
/// Clones share one file, opened (for appending) at the first record.
#[derive(Debug, Clone)]
pub struct GroupLedger {
    path: PathBuf,
    file: std::sync::Arc<std::sync::OnceLock<Option<std::fs::File>>>,
}

impl GroupLedger {
    pub fn new(path: PathBuf) -> GroupLedger {
        GroupLedger {
            path,
            file: std::sync::Arc::default(),
        }
    }

    /// Notes the group led by `pid`, started between ticks `lo` and `hi`.
    /// Best effort: a ledger that cannot be written only loses the clean-up
    /// after a crash.
    fn record(&self, pid: u32, lo: u64, hi: u64) {
        use std::io::Write as _;
        let file = self.file.get_or_init(|| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
                .ok()
        });
        if let Some(mut f) = file.as_ref() {
            // NB: one write per line: O_APPEND keeps lines whole.
            let _ = f.write_all(format!("{pid} {lo} {hi}\n").as_bytes());
        }
    }

    /// Stops every group in the ledger that still has running members
    /// (SIGTERM, then SIGKILL after `grace`), then empties the ledger.
    /// Returns how many groups were stopped. A group counts as the task's
    /// when its leader is still the recorded process, or when the leader is
    /// gone and members remain (Linux does not reuse a pid as a new group's
    /// id while the old group has members).
    pub fn stop_leftovers(&self, grace: Duration) -> io::Result<usize> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        let mut live = Vec::new();
        for line in text.lines() {
            let mut words = line.split_whitespace();
            let (Some(Ok(pid)), Some(Ok(lo))) = (
                words.next().map(str::parse::<u32>),
                words.next().map(str::parse::<u64>),
            ) else {
                continue;
            };
            let hi = match words.next().map(str::parse::<u64>) {
                Some(Ok(hi)) => hi,
                Some(Err(_)) => continue,
                None => lo,
            };
            let leader_is_ours = crate::runtime::supervisor::started_between(pid, lo, hi);
            let leader_gone = crate::runtime::supervisor::start_ticks_of(pid).is_none();
            if pid > 1
                && (leader_is_ours || leader_gone)
                && crate::runtime::supervisor::group_has_live_members(pid)
            {
                live.push(pid);
            }
        }
        for &pid in &live {
            if let Ok(pgid) = libc::pid_t::try_from(pid) {
                signal_group(pgid, libc::SIGTERM);
            }
        }
        let until = Instant::now() + grace;
        while live
            .iter()
            .any(|&p| crate::runtime::supervisor::group_has_live_members(p))
            && Instant::now() < until
        {
            std::thread::sleep(Duration::from_millis(20));
        }
        for &pid in &live {
            if crate::runtime::supervisor::group_has_live_members(pid)
                && let Ok(pgid) = libc::pid_t::try_from(pid)
            {
                signal_group(pgid, libc::SIGKILL);
            }
        }
        std::fs::remove_file(&self.path).or_else(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                Ok(())
            } else {
                Err(e)
            }
        })?;
        Ok(live.len())
    }
}

/// A token cancelled when this process gets SIGINT or SIGTERM (Ctrl-C,
/// `kill`, `omni stop`), so a command can stop its tasks' process groups
/// and record what happened instead of dying with them still running. Must
/// be called inside the runtime; the watcher ends with the runtime.
pub fn cancel_on_signals() -> CancellationToken {
    let [cancel] = cancel_on_signals_staged();
    cancel
}

/// N tokens for N successive SIGINT/SIGTERMs: the first signal cancels the
/// first token, the second the second, and so on (a command that winds
/// down on the first Ctrl-C and gives up the wind-down on the second).
/// Must be called inside the runtime.
pub fn cancel_on_signals_staged<const N: usize>() -> [CancellationToken; N] {
    let tokens: [CancellationToken; N] = std::array::from_fn(|_| CancellationToken::new());
    let stages = tokens.clone();
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let (Ok(mut term), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) else {
            return;
        };
        for token in stages {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
            token.cancel();
        }
    });
    tokens
}

fn lazy_path(sink: &Sink) -> Option<PathBuf> {
    match sink {
        Sink::AppendLazily(path) => Some(path.clone()),
        _ => None,
    }
}

/// Reads a piped stream to its end: into memory, or, with `file`, into
/// that file (opened for appending at the first byte).
async fn drain(pipe: Option<child::PipeReader>, file: Option<PathBuf>) -> io::Result<Vec<u8>> {
    let Some(pipe) = pipe else {
        return Ok(Vec::new());
    };
    let mut kept = Vec::new();
    let mut buf = vec![0_u8; 16 * 1024];
    let mut out: Option<std::fs::File> = None;
    loop {
        let n = pipe.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        let Some(path) = &file else {
            kept.extend_from_slice(&buf[..n]);
            continue;
        };
        if out.is_none() {
            out = Some(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)?,
            );
        }
        // NB: a local file write, as the journal's: no thread hand-off.
        if let Some(f) = out.as_mut() {
            std::io::Write::write_all(f, &buf[..n])?;
        }
    }
    Ok(kept)
}

/// The child's end of one output stream, and our end when it is a pipe.
fn stdio(sink: &Sink) -> io::Result<(Stdio, Option<child::PipeReader>)> {
    Ok(match sink {
        Sink::Null => (child::dev_null()?, None),
        Sink::Capture | Sink::AppendLazily(_) => {
            let (reader, stdio) = child::output_pipe()?;
            (stdio, Some(reader))
        }
        Sink::Inherit => (Stdio::inherit(), None),
        Sink::File(path) => (Stdio::from(std::fs::File::create(path)?), None),
        Sink::Append(path) => (
            Stdio::from(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)?,
            ),
            None,
        ),
    })
}

fn ending_of(status: std::process::ExitStatus) -> Ending {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Ending::Exited(code),
        (None, Some(signal)) => Ending::Signaled(signal),
        (None, None) => Ending::Exited(-1),
    }
}

/// True while process group `pgid` has a member that still runs. A group
/// left with only zombies counts as empty: they run nothing, and their
/// reaping belongs to whoever inherited them (pid 1 can be slow at it).
fn group_alive(pgid: libc::pid_t) -> bool {
    // SAFETY: signal 0 only probes; `pgid > 1` is checked by the caller.
    let any = unsafe { libc::killpg(pgid, 0) == 0 };
    any && u32::try_from(pgid).is_ok_and(crate::runtime::supervisor::group_has_live_members)
}

fn signal_group(pgid: libc::pid_t, signal: libc::c_int) {
    // SAFETY: `pgid > 1` is checked by the caller, so this never addresses
    // our own group (0) or every process (-1); ESRCH (already gone) is fine.
    unsafe {
        libc::killpg(pgid, signal);
    }
}

/// SIGTERM to the group, then SIGKILL to what is left after `grace`; reaps
/// the shell.
async fn stop_group(child: &child::Child, pid: u32, grace: Duration) -> io::Result<()> {
    let Ok(pgid) = libc::pid_t::try_from(pid) else {
        return Ok(());
    };
    if pgid <= 1 {
        return Ok(());
    }
    signal_group(pgid, libc::SIGTERM);
    let until = Instant::now() + grace;
    let mut reaped = false;
    loop {
        if !reaped && child.try_wait()?.is_some() {
            reaped = true;
        }
        // NB: the shell is a member too until it is reaped, so an empty
        // group means everything, grandchildren included, is gone.
        if reaped && !group_alive(pgid) {
            return Ok(());
        }
        if Instant::now() >= until {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    signal_group(pgid, libc::SIGKILL);
    if !reaped {
        child.wait().await?;
    }
    // SIGKILL is delivered at once but acted on when each process is next
    // scheduled: wait (bounded) until the group is empty, so that when this
    // returns nothing of the task runs any more.
    let until = Instant::now() + Duration::from_secs(2);
    while group_alive(pgid) && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one executor, as the binary builds it.
    struct Rt(crate::runtime::executor::Executor);

    impl Rt {
        fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
            self.0.block_on(f).expect("runtime")
        }
    }

    fn rt() -> Rt {
        Rt(crate::runtime::executor::Executor::new(1))
    }

    #[test]
    fn captures_output_and_exit_status() {
        let mut spec = TaskSpec::shell("printf out; printf err >&2; exit 3");
        spec.stdout = Sink::Capture;
        spec.stderr = Sink::Capture;
        let done = rt()
            .block_on(run(&spec, &CancellationToken::new()))
            .unwrap();
        assert_eq!(done.ending, Ending::Exited(3));
        assert_eq!(done.stdout, b"out");
        assert_eq!(done.stderr, b"err");
    }

    #[test]
    fn lazy_files_exist_only_for_output() {
        let dir = tempfile::tempdir().unwrap();
        let (out, err) = (dir.path().join("t.out"), dir.path().join("t.err"));
        let mut spec = TaskSpec::shell("echo one");
        spec.stdout = Sink::AppendLazily(out.clone());
        spec.stderr = Sink::AppendLazily(err.clone());
        let rt = rt();
        rt.block_on(run(&spec, &CancellationToken::new())).unwrap();
        spec.command = "echo two".into();
        rt.block_on(run(&spec, &CancellationToken::new())).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "one\ntwo\n");
        assert!(!err.exists(), "no stderr, no file");
    }

    #[test]
    fn stdin_env_and_cwd_reach_the_command() {
        let dir = tempfile::tempdir().unwrap();
        let mut spec = TaskSpec::shell("read line; echo \"$line $X $(pwd)\"");
        spec.stdin = Some(b"hello\n".to_vec());
        spec.env.push(("X".into(), "ex".into()));
        spec.cwd = Some(dir.path().to_path_buf());
        spec.stdout = Sink::Capture;
        let done = rt()
            .block_on(run(&spec, &CancellationToken::new()))
            .unwrap();
        let expected = format!(
            "hello ex {}\n",
            dir.path().canonicalize().unwrap().display()
        );
        assert_eq!(String::from_utf8_lossy(&done.stdout), expected);
    }

    /// The pid file holds the pid of a grandchild the shell started; a
    /// zombie (dead, not yet reaped by its new parent) counts as gone.
    fn grandchild_alive(pid_file: &std::path::Path) -> bool {
        let pid = std::fs::read_to_string(pid_file).unwrap();
        match std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())) {
            Ok(stat) => {
                let state = stat[stat.rfind(')').unwrap() + 2..].chars().next();
                state != Some('Z')
            }
            Err(_) => false,
        }
    }

    #[test]
    fn timeout_stops_the_whole_group_including_grandchildren() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        // The grandchild ignores SIGTERM: only the SIGKILL after the grace
        // period can stop it.
        let mut spec = TaskSpec::shell(format!(
            "sh -c 'trap \"\" TERM; echo $$ > {}; sleep 30' & wait",
            pid_file.display()
        ));
        spec.timeout = Some(Duration::from_millis(300));
        spec.grace = Duration::from_millis(200);
        let clock = Instant::now();
        let done = rt()
            .block_on(run(&spec, &CancellationToken::new()))
            .unwrap();
        assert_eq!(done.ending, Ending::TimedOut);
        assert!(clock.elapsed() < Duration::from_secs(10));
        assert!(!grandchild_alive(&pid_file), "the grandchild survived");
    }

    #[test]
    fn cancel_stops_the_group() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let spec = TaskSpec::shell(format!(
            "sh -c 'echo $$ > {}; sleep 30' & wait",
            pid_file.display()
        ));
        let cancel = CancellationToken::new();
        let trigger = cancel.clone();
        let done = rt()
            .block_on(async move {
                tokio::spawn(async move {
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    trigger.cancel();
                });
                run(&spec, &cancel).await
            })
            .unwrap();
        assert_eq!(done.ending, Ending::Cancelled);
        assert!(!grandchild_alive(&pid_file), "the grandchild survived");
    }

    #[test]
    fn a_missing_shell_is_an_error_not_an_ending() {
        let mut spec = TaskSpec::shell("true");
        spec.shell = PathBuf::from("/nonexistent/sh");
        let err = rt()
            .block_on(run(&spec, &CancellationToken::new()))
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn only_commands_without_shell_syntax_are_simple() {
        for (command, words) in [
            ("true", vec!["true"]),
            ("  cmp  a\tb ", vec!["cmp", "a", "b"]),
            (
                "cc -O2 -c x.c -o x.o",
                vec!["cc", "-O2", "-c", "x.c", "-o", "x.o"],
            ),
            ("dd if=a of=b bs=1M", vec!["dd", "if=a", "of=b", "bs=1M"]),
            ("/usr/bin/env x:y,z+1%@", vec!["/usr/bin/env", "x:y,z+1%@"]),
        ] {
            assert_eq!(simple_words(command), Some(words), "{command:?}");
        }
        for command in [
            "",
            "   ",
            "A=1 make",
            "echo hi",
            "cd /tmp",
            "exit 3",
            "pwd",
            "kill 1",
            "[ -f x ]",
            "test -f x",
            "ls *.c",
            "ls x?",
            "cat ~/x",
            "a | b",
            "a;b",
            "a && b",
            "a > f",
            "a < f",
            "a 2>&1",
            "cat \"q\"",
            "cat 'q'",
            "echo $X",
            "a `b`",
            "a $(b)",
            "a # c",
            "a\nb",
            "a\\ b",
            "{ a; }",
            "(a)",
            "a &",
            "! a",
            "caf\u{e9}",
            "a\rb",
        ] {
            assert_eq!(simple_words(command), None, "{command:?}");
        }
    }

    fn finished(command: &str, direct: bool) -> Finished {
        let mut spec = TaskSpec::shell(command);
        spec.direct = direct;
        spec.stdout = Sink::Capture;
        spec.stderr = Sink::Capture;
        rt().block_on(run(&spec, &CancellationToken::new()))
            .unwrap()
    }

    /// Run directly or under the shell, a command ends the same way, with
    /// the same output: the shortcut changes nothing a task can observe but
    /// its parent.
    #[test]
    fn direct_execution_reports_what_the_shell_reports() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let script = |name: &str, body: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, body).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
            path.display().to_string()
        };
        let segv = script("segv", "#!/bin/sh\nkill -SEGV $$\n");
        let no_shebang = script("plain", "echo from a script without a shebang\n");
        let not_exec = dir.path().join("data");
        std::fs::write(&not_exec, "x").unwrap();
        for command in [
            "true".to_string(),
            "false".into(),
            "ls /nonexistent-omni-path".into(),
            "uname -s".into(),
            "omni-no-such-command-here".into(),
            not_exec.display().to_string(),
            no_shebang,
            segv,
        ] {
            assert!(simple_words(&command).is_some(), "{command}");
            let (direct, shell) = (finished(&command, true), finished(&command, false));
            assert_eq!(direct.ending, shell.ending, "{command}");
            assert_eq!(direct.stdout, shell.stdout, "{command}");
            if matches!(shell.ending, Ending::Exited(0..128)) {
                assert_eq!(direct.stderr, shell.stderr, "{command}");
            }
        }
        assert_eq!(
            finished(&not_exec.display().to_string(), true).ending,
            Ending::Exited(126)
        );
        assert_eq!(
            finished("omni-no-such-command-here", true).ending,
            Ending::Exited(127)
        );
    }

    #[test]
    fn a_simple_command_is_executed_without_the_shell() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ppid");
        std::fs::write(&path, "#!/bin/sh\necho $PPID\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        let me = std::process::id().to_string();
        let parent = |direct| {
            let done = finished(&path.display().to_string(), direct);
            String::from_utf8(done.stdout).unwrap().trim().to_string()
        };
        assert_eq!(parent(true), me, "started by omni itself");
        assert_ne!(parent(false), me, "started by a shell");
    }

    #[test]
    fn a_program_on_the_search_path_is_located_once_and_relocated_when_it_goes() {
        use std::os::unix::fs::PermissionsExt as _;
        let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let install = |dir: &std::path::Path, says: &str| {
            let path = dir.join("omni-located-tool");
            std::fs::write(&path, format!("#!/bin/sh\necho {says} $PPID\n")).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        };
        let run_tool = || {
            let mut spec = TaskSpec::shell("omni-located-tool");
            spec.search_path = Some(std::env::join_paths([first.path(), second.path()]).unwrap());
            spec.env
                .push(("PATH".into(), spec.search_path.clone().unwrap()));
            spec.stdout = Sink::Capture;
            spec.stderr = Sink::Capture;
            let done = rt()
                .block_on(run(&spec, &CancellationToken::new()))
                .unwrap();
            (done.ending, String::from_utf8(done.stdout).unwrap())
        };
        let me = std::process::id().to_string();
        install(second.path(), "second");
        assert_eq!(run_tool(), (Ending::Exited(0), format!("second {me}\n")));
        // Installed earlier in PATH by "another task": found at once.
        install(first.path(), "first");
        assert_eq!(run_tool(), (Ending::Exited(0), format!("first {me}\n")));
        std::fs::remove_file(first.path().join("omni-located-tool")).unwrap();
        std::fs::remove_file(second.path().join("omni-located-tool")).unwrap();
        let (ending, _) = run_tool();
        assert_eq!(ending, Ending::Exited(127), "gone: the shell reports it");
    }

    /// A group started the way `run` starts one, as a process that died
    /// would have left it: `(leader pid, ticks before, ticks after)`.
    fn orphan_group() -> (std::process::Child, u32, u64, u64) {
        use std::os::unix::process::CommandExt as _;
        let lo = crate::runtime::supervisor::boot_ticks_now();
        let child = std::process::Command::new("/bin/sh")
            .args(["-c", "sleep 30 & sleep 30"])
            .process_group(0)
            .spawn()
            .unwrap();
        let hi = crate::runtime::supervisor::boot_ticks_now();
        let pid = child.id();
        (child, pid, lo, hi)
    }

    #[test]
    fn the_ledger_stops_only_groups_whose_leader_started_in_its_window() {
        use std::os::unix::process::ExitStatusExt as _;
        let dir = tempfile::tempdir().unwrap();
        let ledger = GroupLedger::new(dir.path().join("groups"));
        let (mut ours, ours_pid, lo, hi) = orphan_group();
        ledger.record(ours_pid, lo, hi);
        // A leader whose start lies outside its recorded window is some
        // other process that got the pid: never signalled.
        let (mut other, other_pid, lo2, _) = orphan_group();
        std::fs::OpenOptions::new()
            .append(true)
            .open(dir.path().join("groups"))
            .and_then(|mut f| {
                use std::io::Write as _;
                writeln!(f, "{other_pid} {} {}", lo2 + 1000, lo2 + 2000)
            })
            .unwrap();
        std::thread::sleep(Duration::from_millis(100));
        let stopped = ledger.stop_leftovers(Duration::from_secs(2)).unwrap();
        assert_eq!(stopped, 1);
        assert!(ours.wait().unwrap().signal().is_some(), "ours was stopped");
        assert!(!crate::runtime::supervisor::group_has_live_members(
            ours_pid
        ));
        assert!(
            other.try_wait().unwrap().is_none(),
            "the other group is untouched"
        );
        assert!(!dir.path().join("groups").exists(), "the ledger is emptied");

        // A `pid ticks` line from an older omni still names its group.
        let ticks = crate::runtime::supervisor::start_ticks_of(other_pid).unwrap();
        std::fs::write(dir.path().join("groups"), format!("{other_pid} {ticks}\n")).unwrap();
        assert_eq!(ledger.stop_leftovers(Duration::from_secs(2)).unwrap(), 1);
        assert!(other.wait().unwrap().signal().is_some());
    }
}
