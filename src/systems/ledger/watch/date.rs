//! Finding and removing a line's timestamp, as fail2ban's date detector
//! does before the filter's regexes see the line: the date text is cut out
//! (what is before and after it is joined), and its time is the failure's.
//!
//! Supported: `datepattern` `{^LN-BEG}` (the default templates anchored at
//! the line's start, optionally after up to two non-word characters), an
//! empty pattern (the templates anywhere), `{NONE}`, and a regex holding
//! `{DATE}` (`^<\d+>\d+\s+{DATE}` for RFC 5424), where the whole match is
//! cut. The templates: syslog (`[Wkd ]Mon dd HH:MM:SS[.f][ YYYY]`), ISO 8601
//! (`YYYY-mm-dd[T ]HH:MM:SS[.f][Z|±hh[:]mm]`), common log format
//! (`dd/Mon/YYYY:HH:MM:SS[ ±hhmm]`) and epoch seconds (10 digits). strptime
//! patterns (`%Y-%m-%d`) are not.

use pcre2::bytes::{CaptureLocations, Regex, RegexBuilder};

const MONTHS: &str = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";

fn templates() -> String {
    format!(
        "(?:(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\s+)?(?<mon>{MONTHS})\\s+(?<day>\\d{{1,2}})\\s+\
         (?<h>\\d{{1,2}}):(?<mi>\\d{{2}}):(?<s>\\d{{2}})(?:\\.\\d+)?(?:\\s+(?<y>\\d{{4}})(?!\\d))?\
         |(?<y2>\\d{{4}})-(?<mo2>\\d{{2}})-(?<d2>\\d{{2}})[T ](?<h2>\\d{{2}}):(?<mi2>\\d{{2}}):(?<s2>\\d{{2}})\
         (?:[.,]\\d+)?(?<tz2>Z|[+-]\\d{{2}}(?::?\\d{{2}})?)?\
         |(?<d3>\\d{{1,2}})/(?<mon3>{MONTHS})/(?<y3>\\d{{4}}):(?<h3>\\d{{2}}):(?<mi3>\\d{{2}}):(?<s3>\\d{{2}})\
         (?:\\s+(?<tz3>[+-]\\d{{4}}))?\
         |(?<ep>\\d{{10}})(?:\\.\\d+)?)(?!\\w)"
    )
}

/// A compiled date pattern.
pub struct DateDetector {
    re: Option<Regex>,
    locs: CaptureLocations,
    /// Capture indices of the named parts.
    idx: Idx,
    /// Offset of local time from UTC, seconds (times without a zone).
    local_offset: i64,
    /// Now, for years syslog leaves out.
    now: i64,
    /// The local year now.
    year: i64,
}

#[derive(Default)]
struct Idx {
    whole: usize,
    parts: [[usize; 7]; 3],
    ep: usize,
    tz: [usize; 2],
}

/// A found date: the byte range to cut and the time (Unix seconds) when it
/// could be read.
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub time: Option<i64>,
}

impl DateDetector {
    /// `pattern` is the filter's `datepattern` (None: fail2ban's default,
    /// the templates anywhere in the line). `now` and `local_offset` fix
    /// the clock (tests, benches).
    pub fn new(pattern: Option<&str>, now: i64, local_offset: i64) -> Result<DateDetector, String> {
        let pattern = pattern.map(str::trim).unwrap_or("");
        let source = if pattern.eq_ignore_ascii_case("{NONE}") {
            None
        } else if let Some(rest) = pattern.strip_prefix("{^LN-BEG}") {
            if !rest.is_empty() {
                return Err(format!(
                    "datepattern {pattern:?}: only {{^LN-BEG}} alone, {{NONE}} or a regex with {{DATE}} are supported"
                ));
            }
            Some(format!("^\\W{{0,2}}(?<whole>{})", templates()))
        } else if pattern.is_empty() {
            Some(format!("(?<!\\w)(?<whole>{})", templates()))
        } else if pattern.contains("{DATE}") {
            let inner = pattern.replace("{DATE}", &templates());
            Some(format!("(?<whole>{inner})"))
        } else {
            return Err(format!(
                "datepattern {pattern:?}: strptime patterns are not supported (use {{^LN-BEG}} or a regex with {{DATE}})"
            ));
        };
        let re = match source {
            None => None,
            Some(s) => Some(
                RegexBuilder::new()
                    .jit_if_available(true)
                    .build(&s)
                    .map_err(|e| format!("datepattern {pattern:?}: {e}"))?,
            ),
        };
        let mut idx = Idx::default();
        let locs = match &re {
            Some(r) => {
                let names = r.capture_names();
                let find = |n: &str| {
                    names
                        .iter()
                        .position(|x| x.as_deref() == Some(n))
                        .unwrap_or(0)
                };
                idx.whole = find("whole");
                idx.parts[0] = [
                    find("y"),
                    0,
                    find("mon"),
                    find("day"),
                    find("h"),
                    find("mi"),
                    find("s"),
                ];
                idx.parts[1] = [
                    find("y2"),
                    find("mo2"),
                    0,
                    find("d2"),
                    find("h2"),
                    find("mi2"),
                    find("s2"),
                ];
                idx.parts[2] = [
                    find("y3"),
                    0,
                    find("mon3"),
                    find("d3"),
                    find("h3"),
                    find("mi3"),
                    find("s3"),
                ];
                idx.ep = find("ep");
                idx.tz = [find("tz2"), find("tz3")];
                r.capture_locations()
            }
            None => RegexBuilder::new()
                .build("x")
                .expect("a trivial regex")
                .capture_locations(),
        };
        Ok(DateDetector {
            re,
            locs,
            idx,
            local_offset,
            now,
            year: civil_year(now + local_offset),
        })
    }

    /// Finds the date in `line`.
    pub fn find(&mut self, line: &[u8]) -> Option<Found> {
        let re = self.re.as_ref()?;
        re.captures_read(&mut self.locs, line).ok()??;
        let (start, end) = self.locs.get(self.idx.whole)?;
        let time = self.time(line);
        Some(Found { start, end, time })
    }

    fn group<'a>(&self, line: &'a [u8], i: usize) -> Option<&'a [u8]> {
        if i == 0 {
            return None;
        }
        self.locs.get(i).map(|(s, e)| &line[s..e])
    }

    fn time(&self, line: &[u8]) -> Option<i64> {
        let num = digits;
        if let Some(ep) = self.group(line, self.idx.ep) {
            return num(ep);
        }
        for (k, p) in self.idx.parts.iter().enumerate() {
            let Some(day) = self.group(line, p[3]) else {
                continue;
            };
            let month = match self.group(line, p[1]) {
                Some(m) => num(m)?,
                None => {
                    let name = self.group(line, p[2])?;
                    MONTHS
                        .as_bytes()
                        .chunks(4)
                        .position(|m| &m[..3] == name)
                        .map(|i| i as i64 + 1)?
                }
            };
            let (h, mi, s) = (
                num(self.group(line, p[4])?)?,
                num(self.group(line, p[5])?)?,
                num(self.group(line, p[6])?)?,
            );
            let day = num(day)?;
            let zone = match k {
                1 => self.group(line, self.idx.tz[0]),
                2 => self.group(line, self.idx.tz[1]),
                _ => None,
            };
            let offset = match zone {
                Some(z) => zone_offset(z)?,
                None => self.local_offset,
            };
            let at =
                |y: i64| days_from_civil(y, month, day) * 86400 + h * 3600 + mi * 60 + s - offset;
            return Some(match self.group(line, p[0]) {
                Some(y) => at(num(y)?),
                None => {
                    // Syslog has no year: this year, or last year when that
                    // would be more than a day ahead.
                    let year = self.year;
                    let t = at(year);
                    if t > self.now + 86400 {
                        at(year - 1)
                    } else {
                        t
                    }
                }
            });
        }
        None
    }
}

/// A decimal number the date regex matched (ASCII digits only, as
/// `str::parse` reads them), without allocating.
fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() {
        return None;
    }
    b.iter().try_fold(0i64, |n, &c| {
        if c.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(i64::from(c - b'0'))
        } else {
            None
        }
    })
}

fn zone_offset(z: &[u8]) -> Option<i64> {
    if z == b"Z" {
        return Some(0);
    }
    let s = std::str::from_utf8(z).ok()?;
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s[1..].chars().filter(|c| c.is_ascii_digit()).collect();
    let h: i64 = digits.get(..2)?.parse().ok()?;
    let m: i64 = digits.get(2..4).map_or(Some(0), |m| m.parse().ok())?;
    Some(sign * (h * 3600 + m * 60))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_year(t: i64) -> i64 {
    let mut y = 1970 + t.div_euclid(86400 * 366);
    while days_from_civil(y + 1, 1, 1) * 86400 <= t {
        y += 1;
    }
    y
}

/// This machine's offset from UTC now (seconds east), from the C library.
pub fn local_offset() -> i64 {
    // SAFETY: time(NULL) and localtime_r into a zeroed tm we own.
    unsafe {
        let now = libc::time(std::ptr::null_mut());
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&now, &mut tm).is_null() {
            0
        } else {
            tm.tm_gmtoff
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000; // 2023-11-14

    #[test]
    fn syslog_iso_and_rfc5424() {
        let mut d = DateDetector::new(Some("{^LN-BEG}"), NOW, 0).unwrap();
        let line = b"Jan  5 01:31:41 www sshd[1643]: x";
        let f = d.find(line).unwrap();
        assert_eq!(&line[f.start..f.end], b"Jan  5 01:31:41");
        assert_eq!(f.time, Some(days_from_civil(2023, 1, 5) * 86400 + 5501));
        // December is last year when now is November.
        let f = d.find(b"Dec 31 23:59:59 h x").unwrap();
        assert_eq!(f.time, Some(days_from_civil(2022, 12, 31) * 86400 + 86399));
        let f = d.find(b"2005-06-21T16:47:48.5+02:00 host").unwrap();
        assert_eq!(
            f.time,
            Some(days_from_civil(2005, 6, 21) * 86400 + 16 * 3600 + 47 * 60 + 48 - 7200)
        );
        assert!(d.find(b"srv sshd[1]: Jan  5 01:31:41").is_none());
        let mut r = DateDetector::new(Some("^<\\d+>\\d+\\s+{DATE}"), NOW, 0).unwrap();
        let line = b"<38>1 2019-07-08T17:40:16.954167-04:00 hostname sshd";
        let f = r.find(line).unwrap();
        assert_eq!(&line[f.end..], b" hostname sshd");
        assert_eq!(f.start, 0);
        assert!(DateDetector::new(Some("%Y-%m-%d"), NOW, 0).is_err());
        assert!(
            DateDetector::new(Some("{NONE}"), NOW, 0)
                .unwrap()
                .find(line)
                .is_none()
        );
    }
}
