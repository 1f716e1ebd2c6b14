//! Naming a TPM: TCTI strings (`device:/dev/tpmrm0`,
//! `swtpm:host=127.0.0.1,port=2321`), PCR lists and nonces, parsed and
//! validated here so that every build (also the static one, which cannot talk
//! to a TPM) rejects bad input the same way, and libtss2 only ever sees a
//! string omni has already checked.
//!
//! Accepted TCTI forms (the subset of tpm2-tss's that omni supports):
//! - `none`: no TPM (software-only authority);
//! - `device:PATH`, PATH absolute (`/dev/tpmrm0`, the kernel's resource
//!   manager, is what to use on real hardware);
//! - `swtpm[:host=H,port=P]` and `mssim[:host=H,port=P]`: a TPM simulator
//!   over TCP; H is an IP address or a DNS name (default `127.0.0.1`), P the
//!   command port (default 2321; the control port is P+1).
//!
//! The canonical form ([`Tcti`]'s `Display`) is what `tpm.json` records.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use crate::runtime::error::{Classify, Exit};

/// tpm2-tss's default simulator command port.
pub const DEFAULT_PORT: u16 = 2321;
/// The default simulator host.
pub const DEFAULT_HOST: &str = "127.0.0.1";
/// The largest nonce TPM2_Quote accepts (`TPM2B_DATA`, as tss-esapi bounds it).
pub const MAX_NONCE: usize = 64;

/// A TPM to talk to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tcti {
    /// A character device (`/dev/tpmrm0`).
    Device {
        /// The device path.
        path: PathBuf,
    },
    /// swtpm over TCP.
    Swtpm {
        /// Host name or IP address.
        host: String,
        /// Command port.
        port: u16,
    },
    /// The Microsoft simulator protocol over TCP (also spoken by swtpm).
    Mssim {
        /// Host name or IP address.
        host: String,
        /// Command port.
        port: u16,
    },
}

/// A TCTI string that omni does not accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("TCTI {text:?}: {reason}")]
pub struct TctiError {
    /// The string as given.
    pub text: String,
    /// What is wrong with it.
    pub reason: String,
}

impl Classify for TctiError {
    fn exit(&self) -> Exit {
        Exit::DataErr
    }
}

impl Tcti {
    /// Parses `none` (→ `None`) or a TCTI string.
    pub fn parse_option(text: &str) -> Result<Option<Tcti>, TctiError> {
        if text == "none" {
            return Ok(None);
        }
        text.parse().map(Some)
    }

    /// The network address for simulator TCTIs.
    pub fn address(&self) -> Option<(&str, u16)> {
        match self {
            Tcti::Device { .. } => None,
            Tcti::Swtpm { host, port } | Tcti::Mssim { host, port } => Some((host, *port)),
        }
    }
}

impl FromStr for Tcti {
    type Err = TctiError;

    fn from_str(text: &str) -> Result<Tcti, TctiError> {
        let bad = |reason: String| TctiError {
            text: text.to_string(),
            reason,
        };
        let (name, conf) = match text.split_once(':') {
            Some((n, c)) => (n, Some(c)),
            None => (text, None),
        };
        match name {
            "device" => {
                let path = conf.unwrap_or_default();
                if path.is_empty() {
                    return Err(bad(
                        "device needs a path, e.g. device:/dev/tpmrm0".to_string()
                    ));
                }
                if !path.starts_with('/') {
                    return Err(bad(format!("device path {path:?} is not absolute")));
                }
                if path.contains(',') || path.contains('=') || path.chars().any(char::is_control) {
                    return Err(bad(format!(
                        "device path {path:?} holds ',', '=' or a control character"
                    )));
                }
                Ok(Tcti::Device {
                    path: PathBuf::from(path),
                })
            }
            "swtpm" | "mssim" => {
                let (host, port) = parse_network(conf.unwrap_or_default()).map_err(bad)?;
                Ok(if name == "swtpm" {
                    Tcti::Swtpm { host, port }
                } else {
                    Tcti::Mssim { host, port }
                })
            }
            "" => Err(bad(
                "empty; expected none, device:PATH or swtpm:host=H,port=P".to_string(),
            )),
            other => Err(bad(format!(
                "unknown TCTI {other:?}; expected none, device:PATH, swtpm:host=H,port=P \
                 or mssim:host=H,port=P"
            ))),
        }
    }
}

fn parse_network(conf: &str) -> Result<(String, u16), String> {
    let mut host = None;
    let mut port = None;
    if !conf.is_empty() {
        for part in conf.split(',') {
            let Some((key, value)) = part.split_once('=') else {
                return Err(format!("{part:?} is not key=value"));
            };
            match key {
                "host" if host.is_some() => return Err("host is given twice".into()),
                "port" if port.is_some() => return Err("port is given twice".into()),
                "host" => {
                    if !valid_host(value) {
                        return Err(format!("host {value:?} is not an IP address or a DNS name"));
                    }
                    host = Some(value.to_string());
                }
                "port" => {
                    let p: u16 = value
                        .parse()
                        .ok()
                        .filter(|p| *p != 0 && *p != u16::MAX)
                        .ok_or_else(|| {
                            format!("port {value:?} is not a number in 1..65534 (port+1 is the control port)")
                        })?;
                    port = Some(p);
                }
                other => return Err(format!("unknown key {other:?}; expected host and port")),
            }
        }
    }
    Ok((
        host.unwrap_or_else(|| DEFAULT_HOST.to_string()),
        port.unwrap_or(DEFAULT_PORT),
    ))
}

/// An IP address or an RFC 1123 host name.
fn valid_host(host: &str) -> bool {
    if host.parse::<std::net::IpAddr>().is_ok() {
        return true;
    }
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

impl fmt::Display for Tcti {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tcti::Device { path } => write!(f, "device:{}", path.display()),
            Tcti::Swtpm { host, port } => write!(f, "swtpm:host={host},port={port}"),
            Tcti::Mssim { host, port } => write!(f, "mssim:host={host},port={port}"),
        }
    }
}

/// Parses a PCR list for the sha256 bank: `0,1,2,3` or `sha256:0,1,2,3`;
/// ascending order is not required, duplicates and indexes above 23 are
/// refused (PC-client TPMs have 24 PCRs).
pub fn parse_pcr_list(text: &str) -> Result<Vec<u32>, String> {
    let list = text.strip_prefix("sha256:").unwrap_or(text);
    if list.contains(':') || list.contains('+') {
        return Err(format!(
            "PCR list {text:?}: only the sha256 bank is supported (e.g. 0,1,2,3)"
        ));
    }
    let mut pcrs = Vec::new();
    for item in list.split(',') {
        let pcr: u32 = item
            .trim()
            .parse()
            .ok()
            .filter(|p| *p < 24)
            .ok_or_else(|| format!("PCR list {text:?}: {item:?} is not a PCR number 0..23"))?;
        if pcrs.contains(&pcr) {
            return Err(format!("PCR list {text:?}: PCR {pcr} is given twice"));
        }
        pcrs.push(pcr);
    }
    pcrs.sort_unstable();
    Ok(pcrs)
}

/// Parses a nonce given in hex: 1 to 64 bytes (`TPM2B_DATA`).
pub fn parse_nonce(text: &str) -> Result<Vec<u8>, String> {
    let bytes = hex::decode(text.trim()).map_err(|e| format!("nonce {text:?} is not hex: {e}"))?;
    if bytes.is_empty() || bytes.len() > MAX_NONCE {
        return Err(format!(
            "nonce is {} bytes; a TPM takes 1 to {MAX_NONCE} (use 16 or more random bytes)",
            bytes.len()
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms_and_canonical_text() {
        let t: Tcti = "swtpm:host=127.0.0.1,port=2321".parse().unwrap();
        assert_eq!(
            t,
            Tcti::Swtpm {
                host: "127.0.0.1".into(),
                port: 2321
            }
        );
        assert_eq!(t.to_string(), "swtpm:host=127.0.0.1,port=2321");
        let t: Tcti = "swtpm:port=4000,host=tpm.example".parse().unwrap();
        assert_eq!(t.to_string(), "swtpm:host=tpm.example,port=4000");
        assert_eq!(
            "swtpm".parse::<Tcti>().unwrap().to_string(),
            "swtpm:host=127.0.0.1,port=2321"
        );
        assert_eq!(
            "mssim:host=::1".parse::<Tcti>().unwrap().to_string(),
            "mssim:host=::1,port=2321"
        );
        let d: Tcti = "device:/dev/tpmrm0".parse().unwrap();
        assert_eq!(d.to_string(), "device:/dev/tpmrm0");
        assert_eq!(d.address(), None);
        assert_eq!(Tcti::parse_option("none").unwrap(), None);
    }

    #[test]
    fn malformed_strings_say_why() {
        for (text, why) in [
            ("", "empty"),
            ("tabrmd", "unknown TCTI"),
            ("device", "needs a path"),
            ("device:dev/tpm0", "not absolute"),
            ("swtpm:host=127.0.0.1,port=99999", "port"),
            ("swtpm:host=127.0.0.1,port=0", "port"),
            ("swtpm:host=bad_host", "not an IP address"),
            ("swtpm:host=a,host=b", "twice"),
            ("swtpm:hots=x", "unknown key"),
            ("swtpm:127.0.0.1", "not key=value"),
            ("NONE", "unknown TCTI"),
        ] {
            let err = text.parse::<Tcti>().unwrap_err();
            assert!(err.reason.contains(why), "{text:?}: {err}");
            assert_eq!(err.exit(), Exit::DataErr);
            assert!(err.to_string().contains(&format!("{text:?}")), "{err}");
        }
    }

    #[test]
    fn pcr_lists_and_nonces() {
        assert_eq!(parse_pcr_list("3,0,1,2").unwrap(), vec![0, 1, 2, 3]);
        assert_eq!(parse_pcr_list("sha256:16").unwrap(), vec![16]);
        for bad in ["", "0,,1", "24", "1,1", "sha1:0", "sha256:0+sha1:1", "x"] {
            assert!(parse_pcr_list(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse_nonce("00ff").unwrap(), vec![0, 0xff]);
        assert!(parse_nonce("").is_err());
        assert!(parse_nonce("0g").is_err());
        assert!(parse_nonce(&"00".repeat(65)).is_err());
        assert_eq!(parse_nonce(&"ab".repeat(64)).unwrap().len(), 64);
    }
}
