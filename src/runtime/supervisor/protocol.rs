//! The control protocol spoken over `<id>.sock`, and a bounded client.
//!
//! Line-oriented JSON: the client writes one request object per line, the
//! child answers each with one reply object per line, in order, and either
//! side may close after any reply. Requests: `{"op":"status"}`,
//! `{"op":"pause"}`, `{"op":"resume"}`, `{"op":"stop"}`. Replies:
//! `{"ok":true,"state":"running|paused|stopping","detail":…}` (`detail` only
//! for `status`) or `{"ok":false,"error":"…"}`. Unknown fields are ignored
//! both ways, so either side may add some without breaking the other.
//!
//! Every step is bounded: connecting never waits on a full backlog (the
//! socket is non-blocking while it connects), and each read or write runs
//! against one deadline for the whole exchange. Lines are capped at
//! [`MAX_LINE`] bytes.

use std::io::{self, Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// Longest request or reply line accepted, newline included.
pub(crate) const MAX_LINE: usize = 64 * 1024;

/// A control request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Report state and the handler's detail.
    Status,
    /// Pause the work (the handler decides how).
    Pause,
    /// Resume paused work.
    Resume,
    /// Ask the work to wind down; the process exits by itself.
    Stop,
}

impl Op {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Status => "status",
            Op::Pause => "pause",
            Op::Resume => "resume",
            Op::Stop => "stop",
        }
    }
}

/// The state a live child reports for itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RemoteState {
    /// Working.
    Running,
    /// Paused by a `pause` request.
    Paused,
    /// A `stop` request was received; winding down.
    Stopping,
}

/// One request line.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Request {
    pub op: String,
}

/// One reply line.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct WireReply {
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<RemoteState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Why a request got no usable answer.
#[derive(Debug)]
pub(crate) enum ClientError {
    /// Connecting failed: no socket file (NotFound), nobody listening
    /// (ConnectionRefused), backlog full (WouldBlock).
    Connect(io::Error),
    /// The exchange failed or timed out after connecting.
    Exchange(io::Error),
    /// The peer answered something that is not a reply.
    Protocol(String),
}

/// Sends `op` to the socket at `path` and reads the reply, all within
/// `timeout`.
pub(crate) fn request(path: &Path, op: Op, timeout: Duration) -> Result<WireReply, ClientError> {
    let deadline = Instant::now() + timeout;
    let stream = connect(path).map_err(ClientError::Connect)?;
    let mut line = serde_json::to_vec(&Request {
        op: op.as_str().to_owned(),
    })
    .map_err(|e| ClientError::Protocol(e.to_string()))?;
    line.push(b'\n');
    let mut lines = LineStream::new(stream);
    lines
        .write_all(&line, deadline)
        .map_err(ClientError::Exchange)?;
    let reply = lines
        .next_line(deadline)
        .map_err(ClientError::Exchange)?
        .ok_or_else(|| ClientError::Protocol("connection closed before a reply".into()))?;
    serde_json::from_slice(&reply).map_err(|e| ClientError::Protocol(format!("bad reply: {e}")))
}

/// Connects without ever blocking: a full backlog (a child whose serving
/// thread is stuck) yields `WouldBlock` at once instead of a hang.
fn connect(path: &Path) -> io::Result<UnixStream> {
    let bytes = path.as_os_str().as_bytes();
    // SAFETY: sockaddr_un is plain old data; all-zero is a valid value.
    let mut addr: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    if bytes.len() >= addr.sun_path.len() || bytes.contains(&0) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "socket path too long or contains NUL",
        ));
    }
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    for (dst, src) in addr.sun_path.iter_mut().zip(bytes) {
        *dst = *src as libc::c_char;
    }
    // SAFETY: socket has no memory-safety preconditions.
    let fd = unsafe {
        libc::socket(
            libc::AF_UNIX,
            libc::SOCK_STREAM | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
            0,
        )
    };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fd is a freshly created socket that nothing else owns.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    let len = std::mem::size_of::<libc::sa_family_t>() + bytes.len() + 1;
    // SAFETY: addr is a valid sockaddr_un, and len does not exceed its size
    // (the path is shorter than sun_path and the rest is zeroed).
    let rc = unsafe {
        libc::connect(
            std::os::fd::AsRawFd::as_raw_fd(&fd),
            (&raw const addr).cast::<libc::sockaddr>(),
            len as libc::socklen_t,
        )
    };
    if rc == -1 {
        let err = io::Error::last_os_error();
        return Err(match err.raw_os_error() {
            Some(libc::EAGAIN) | Some(libc::EINPROGRESS) => {
                io::Error::new(io::ErrorKind::WouldBlock, "control socket backlog is full")
            }
            _ => err,
        });
    }
    let stream = UnixStream::from(fd);
    stream.set_nonblocking(false)?;
    Ok(stream)
}

fn timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "control request timed out")
}

/// A stream read line by line against deadlines, keeping what it read past
/// the end of a line for the next one.
pub(crate) struct LineStream {
    stream: UnixStream,
    buf: Vec<u8>,
}

impl LineStream {
    pub(crate) fn new(stream: UnixStream) -> LineStream {
        LineStream {
            stream,
            buf: Vec::new(),
        }
    }

    pub(crate) fn stream(&self) -> &UnixStream {
        &self.stream
    }

    fn remaining(deadline: Instant) -> io::Result<Duration> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(timed_out());
        }
        Ok(left)
    }

    /// The next line without its newline; `None` at a clean end of stream.
    pub(crate) fn next_line(&mut self, deadline: Instant) -> io::Result<Option<Vec<u8>>> {
        loop {
            if let Some(end) = self.buf.iter().position(|&b| b == b'\n') {
                let mut line: Vec<u8> = self.buf.drain(..=end).collect();
                line.pop();
                return Ok(Some(line));
            }
            if self.buf.len() >= MAX_LINE {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "control line too long",
                ));
            }
            self.stream
                .set_read_timeout(Some(Self::remaining(deadline)?))?;
            let mut chunk = [0u8; 4096];
            match self.stream.read(&mut chunk) {
                Ok(0) if self.buf.is_empty() => return Ok(None),
                Ok(0) => {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "control line cut short",
                    ));
                }
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                    return Err(timed_out());
                }
                Err(err) => return Err(err),
            }
        }
    }

    pub(crate) fn write_all(&mut self, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
        while !bytes.is_empty() {
            self.stream
                .set_write_timeout(Some(Self::remaining(deadline)?))?;
            match self.stream.write(bytes) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => bytes = &bytes[n..],
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                    return Err(timed_out());
                }
                Err(err) => return Err(err),
            }
        }
        Ok(())
    }
}
