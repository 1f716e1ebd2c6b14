//! A swtpm (software TPM 2.0) on loopback for tests that need a real TPM:
//! its own state directory, a probed port pair, killed and reaped on drop.

#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// True when `tool` is an executable file on `PATH`.
pub fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
}

/// A swtpm process on loopback, killed and reaped when dropped.
pub struct Swtpm {
    child: Child,
    /// The TPM command port (the control port is the next one).
    pub port: u16,
}

impl Drop for Swtpm {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Two consecutive free loopback ports (server, control), or None after a few tries.
fn free_port_pair() -> Option<u16> {
    for _ in 0..50 {
        let a = TcpListener::bind("127.0.0.1:0").ok()?;
        let port = a.local_addr().ok()?.port();
        if port < u16::MAX && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return Some(port);
        }
    }
    None
}

impl Swtpm {
    /// Starts swtpm with its state in `state` (created if missing).
    pub fn start(state: &Path) -> Result<Swtpm, String> {
        std::fs::create_dir_all(state).map_err(|e| e.to_string())?;
        let mut last = String::new();
        // NB: the ports are free when probed but may be taken before swtpm binds them; retry a few times.
        for _ in 0..3 {
            let port = free_port_pair().ok_or("no free loopback port pair")?;
            let log = std::fs::File::create(state.join("swtpm.log")).map_err(|e| e.to_string())?;
            let child = Command::new("swtpm")
                .args(["socket", "--tpm2"])
                .args([
                    "--server",
                    &format!("type=tcp,port={port},bindaddr=127.0.0.1"),
                ])
                .args([
                    "--ctrl",
                    &format!("type=tcp,port={},bindaddr=127.0.0.1", port + 1),
                ])
                .args(["--tpmstate", &format!("dir={}", state.display())])
                .args(["--flags", "not-need-init,startup-clear"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .map_err(|e| format!("cannot start swtpm: {e}"))?;
            let mut tpm = Swtpm { child, port };
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                if let Ok(Some(status)) = tpm.child.try_wait() {
                    last = format!(
                        "swtpm exited with {status}: {}",
                        std::fs::read_to_string(state.join("swtpm.log")).unwrap_or_default()
                    );
                    break;
                }
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Ok(tpm);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            if last.is_empty() {
                last = "swtpm did not listen within 5 s".into();
            }
        }
        Err(last)
    }

    /// Its TCTI string for tpm2-tools and omni.
    pub fn tcti(&self) -> String {
        format!("swtpm:host=127.0.0.1,port={}", self.port)
    }
}
