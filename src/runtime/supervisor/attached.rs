//! The child's side: serve the control socket for a supervised process and
//! mark its entry finished when the work ends.
//!
//! Guarantees: the socket is bound only after the parent's record exists and
//! names this process, so a `finish` can never race ahead of the record; the
//! socket is mode 0600 inside a 0700 directory and also refuses peers of
//! another user (except root); the serving thread never blocks for long (it
//! polls for connections with a short timeout and bounds each exchange), so
//! dropping [`Attached`] returns promptly. On `finish` or drop the record is
//! marked finished first and the socket removed second, so a concurrent
//! `omni ps` sees "exited", never "lost".

use std::fs;
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use super::protocol::{LineStream, RemoteState, Request, WireReply};
use super::record::{Entry, Finished};
use super::{Control, SupervisorError, check_socket_path, entries_dir, valid_id};
use crate::runtime::time::format_rfc3339;

/// How long `serve` waits for the parent to write the record.
const RECORD_WAIT: Duration = Duration::from_secs(5);
/// How often the serving thread checks whether it should stop.
const ACCEPT_POLL: Duration = Duration::from_millis(100);
/// Upper bound for one client's whole conversation.
const CONNECTION_BUDGET: Duration = Duration::from_secs(2);
/// Requests answered per connection before it is closed.
const REQUESTS_PER_CONNECTION: usize = 16;

const RUNNING: u8 = 0;
const PAUSED: u8 = 1;
const STOPPING: u8 = 2;

/// A supervised process's live connection to its entry. Serves the control
/// socket on a background thread until [`finish`](Attached::finish) or drop.
pub struct Attached {
    id: String,
    record: PathBuf,
    socket: PathBuf,
    shutdown: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    done: bool,
}

impl std::fmt::Debug for Attached {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attached")
            .field("id", &self.id)
            .field("socket", &self.socket)
            .finish_non_exhaustive()
    }
}

impl Attached {
    /// Binds `<state_dir>/supervisor/<id>.sock` and answers control requests
    /// with `handler` on a background thread. `state_dir` and `id` are the
    /// values of `OMNI_SUPERVISOR_DIR` and `OMNI_SUPERVISOR_ID`, which the
    /// caller reads.
    ///
    /// Waits (at most 5 s) for the parent to write the entry record, and
    /// fails if the record belongs to another process: an inherited
    /// environment must not let a grandchild take over its parent's entry.
    pub fn serve(
        state_dir: &Path,
        id: &str,
        handler: Arc<dyn Control>,
    ) -> Result<Attached, SupervisorError> {
        if !valid_id(id) {
            return Err(SupervisorError::UnknownId { id: id.to_owned() });
        }
        let dir = entries_dir(state_dir);
        let record = dir.join(format!("{id}.json"));
        let socket = dir.join(format!("{id}.sock"));
        check_socket_path(&socket)?;

        let own_pid = std::process::id();
        let deadline = Instant::now() + RECORD_WAIT;
        loop {
            match Entry::read(&record)? {
                Some(entry) if entry.pid == own_pid => break,
                Some(entry) => {
                    return Err(SupervisorError::NotOurs {
                        id: id.to_owned(),
                        owner: entry.pid,
                        pid: own_pid,
                    });
                }
                None if Instant::now() >= deadline => {
                    return Err(SupervisorError::NoRecord {
                        id: id.to_owned(),
                        path: record,
                        waited: RECORD_WAIT,
                    });
                }
                None => std::thread::sleep(Duration::from_millis(10)),
            }
        }

        // Only a socket can be left over here (a crashed earlier attempt of
        // this very process); removing anything else would be a surprise.
        if fs::symlink_metadata(&socket)
            .is_ok_and(|m| std::os::unix::fs::FileTypeExt::is_socket(&m.file_type()))
        {
            let _ = fs::remove_file(&socket);
        }
        let io_err = |op, source| SupervisorError::Io {
            op,
            path: socket.clone(),
            source,
        };
        let listener = UnixListener::bind(&socket).map_err(|e| io_err("binding", e))?;
        fs::set_permissions(&socket, fs::Permissions::from_mode(0o600))
            .map_err(|e| io_err("setting permissions on", e))?;
        // Non-blocking so a connection that vanishes between poll and accept
        // cannot park the thread in accept.
        listener
            .set_nonblocking(true)
            .map_err(|e| io_err("configuring", e))?;

        let shutdown = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&shutdown);
        let thread = std::thread::Builder::new()
            .name(format!("supervise-{id}"))
            .spawn(move || serve_loop(&listener, handler.as_ref(), &flag))
            .map_err(|e| io_err("starting the control thread for", e))?;

        Ok(Attached {
            id: id.to_owned(),
            record,
            socket,
            shutdown,
            thread: Some(thread),
            done: false,
        })
    }

    /// The entry id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Marks the entry finished with `exit_code` (what the process is about
    /// to exit with), then stops serving and removes the socket. `omni ps`
    /// shows the entry as `exited (<code>)` until it is stopped or expires.
    pub fn finish(mut self, exit_code: i32) -> Result<(), SupervisorError> {
        self.finish_inner(Some(exit_code))
    }

    fn finish_inner(&mut self, exit_code: Option<i32>) -> Result<(), SupervisorError> {
        if self.done {
            return Ok(());
        }
        self.done = true;
        let marked = self.mark_finished(exit_code);
        self.shutdown.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            // Bounded: the loop checks the flag every ACCEPT_POLL and a
            // connection lasts at most CONNECTION_BUDGET.
            let _ = thread.join();
        }
        match fs::remove_file(&self.socket) {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(source) => {
                marked?;
                return Err(SupervisorError::Io {
                    op: "removing",
                    path: self.socket.clone(),
                    source,
                });
            }
        }
        marked
    }

    fn mark_finished(&self, exit_code: Option<i32>) -> Result<(), SupervisorError> {
        // The record may already be gone (`omni stop` removed it after a
        // timeout): nothing left to mark.
        let Some(mut entry) = Entry::read(&self.record)? else {
            return Ok(());
        };
        if entry.pid != std::process::id() {
            return Ok(());
        }
        entry.finished = Some(Finished {
            exit_code,
            finished_at: format_rfc3339(SystemTime::now()),
        });
        entry.write(&self.record)
    }
}

impl Drop for Attached {
    fn drop(&mut self) {
        // Dropped without `finish`: the exit code is unknown, but the entry
        // still ends as "exited", not "lost".
        if let Err(err) = self.finish_inner(None) {
            tracing::warn!(id = %self.id, error = %err, "could not mark supervised entry finished");
        }
    }
}

fn serve_loop(listener: &UnixListener, handler: &dyn Control, shutdown: &AtomicBool) {
    let state = AtomicU8::new(RUNNING);
    let mut pfd = libc::pollfd {
        fd: listener.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    while !shutdown.load(Ordering::SeqCst) {
        pfd.revents = 0;
        // SAFETY: pfd is a valid pollfd for a descriptor the listener keeps
        // open for the whole call; nfds is 1.
        let ready = unsafe { libc::poll(&mut pfd, 1, ACCEPT_POLL.as_millis() as libc::c_int) };
        if ready <= 0 {
            continue;
        }
        match listener.accept() {
            Ok((stream, _)) => {
                if let Err(err) = converse(stream, handler, &state) {
                    tracing::debug!(error = %err, "control connection ended with an error");
                }
            }
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => {}
            Err(err) => {
                tracing::debug!(error = %err, "accept on control socket failed");
                // Avoid a hot loop on a persistent error (EMFILE).
                std::thread::sleep(ACCEPT_POLL);
            }
        }
    }
}

/// The uid of the connected peer, from SO_PEERCRED.
fn peer_uid(stream: &UnixStream) -> io::Result<libc::uid_t> {
    // SAFETY: ucred is plain old data; all-zero is valid.
    let mut cred: libc::ucred = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: cred and len point to live locals of the size passed.
    let rc = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&raw mut cred).cast::<libc::c_void>(),
            &mut len,
        )
    };
    if rc == -1 {
        return Err(io::Error::last_os_error());
    }
    Ok(cred.uid)
}

fn converse(stream: UnixStream, handler: &dyn Control, state: &AtomicU8) -> io::Result<()> {
    stream.set_nonblocking(false)?;
    let deadline = Instant::now() + CONNECTION_BUDGET;
    let mut lines = LineStream::new(stream);
    // SAFETY: geteuid has no preconditions and cannot fail.
    let own_uid = unsafe { libc::geteuid() };
    let peer = peer_uid(lines.stream())?;
    if peer != own_uid && peer != 0 {
        let reply = WireReply {
            ok: false,
            error: Some(format!(
                "uid {peer} may not control a process of uid {own_uid}"
            )),
            ..WireReply::default()
        };
        return send(&mut lines, &reply, deadline);
    }
    for _ in 0..REQUESTS_PER_CONNECTION {
        let Some(line) = lines.next_line(deadline)? else {
            return Ok(());
        };
        let reply = answer(&line, handler, state);
        send(&mut lines, &reply, deadline)?;
    }
    Ok(())
}

fn send(lines: &mut LineStream, reply: &WireReply, deadline: Instant) -> io::Result<()> {
    let mut bytes = serde_json::to_vec(reply).map_err(io::Error::other)?;
    bytes.push(b'\n');
    lines.write_all(&bytes, deadline)
}

fn current(state: &AtomicU8) -> RemoteState {
    match state.load(Ordering::SeqCst) {
        PAUSED => RemoteState::Paused,
        STOPPING => RemoteState::Stopping,
        _ => RemoteState::Running,
    }
}

fn answer(line: &[u8], handler: &dyn Control, state: &AtomicU8) -> WireReply {
    let request: Request = match serde_json::from_slice(line) {
        Ok(request) => request,
        Err(err) => {
            return WireReply {
                ok: false,
                error: Some(format!("bad request: {err}")),
                ..WireReply::default()
            };
        }
    };
    let mut detail = None;
    match request.op.as_str() {
        "status" => detail = Some(handler.status()),
        "pause" => {
            handler.pause();
            // A stopping process stays stopping whatever else it is told.
            let _ = state.compare_exchange(RUNNING, PAUSED, Ordering::SeqCst, Ordering::SeqCst);
        }
        "resume" => {
            handler.resume();
            let _ = state.compare_exchange(PAUSED, RUNNING, Ordering::SeqCst, Ordering::SeqCst);
        }
        "stop" => {
            handler.stop();
            state.store(STOPPING, Ordering::SeqCst);
        }
        other => {
            return WireReply {
                ok: false,
                error: Some(format!(
                    "unknown op {other:?} (expected status, pause, resume or stop)"
                )),
                ..WireReply::default()
            };
        }
    }
    WireReply {
        ok: true,
        state: Some(current(state)),
        detail,
        error: None,
    }
}
