//! Human units for durations (`250ms 5s 2m 1h 7d`, `1h30m`) and sizes
//! (`512KiB 2GiB 1MB`, or plain bytes), parsed strictly and printed back in
//! a canonical form that parses to the same value.
//!
//! Strict means: no silent guesses. `5` is not a duration (seconds? ms?), and
//! `2G` is not a size (GB or GiB?); both are rejected with the accepted units.

use std::fmt;
use std::time::Duration;

/// Why a unit string was rejected; the message lists what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UnitError(String);

const DURATION_UNITS: &[(&str, u128)] = &[
    ("ns", 1),
    ("us", 1_000),
    ("ms", 1_000_000),
    ("s", 1_000_000_000),
    ("m", 60_000_000_000),
    ("h", 3_600_000_000_000),
    ("d", 86_400_000_000_000),
    ("w", 604_800_000_000_000),
];

const SIZE_UNITS: &[(&str, u128)] = &[
    ("B", 1),
    ("KB", 1_000),
    ("MB", 1_000_000),
    ("GB", 1_000_000_000),
    ("TB", 1_000_000_000_000),
    ("KiB", 1 << 10),
    ("MiB", 1 << 20),
    ("GiB", 1 << 30),
    ("TiB", 1 << 40),
];

/// Splits `"1.5GiB"` into `("1.5", "GiB")`.
fn split_number(s: &str) -> (&str, &str) {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '_'))
        .unwrap_or(s.len());
    (&s[..end], &s[end..])
}

/// Parses a non-negative decimal and scales it by `unit` exactly (no floats),
/// so `1.5s` is exactly 1_500_000_000 ns.
fn scaled(number: &str, unit: u128) -> Option<u128> {
    let number = number.replace('_', "");
    let (int, frac) = match number.split_once('.') {
        Some((i, f)) => (i, f),
        None => (number.as_str(), ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let int: u128 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut numerator: u128 = 0;
    let mut denominator: u128 = 1;
    for digit in frac.chars() {
        numerator = numerator
            .checked_mul(10)?
            .checked_add(u128::from(digit.to_digit(10)?))?;
        denominator = denominator.checked_mul(10)?;
    }
    // Exact for every fraction the unit can represent (1.5GiB, 1.5s); finer
    // fractions round down to the unit's smallest step.
    let value = int
        .checked_mul(unit)?
        .checked_add(numerator.checked_mul(unit)? / denominator)?;
    Some(value)
}

/// Parses `250ms`, `5s`, `2m`, `1h`, `7d`, `1w`, `1.5s`, `1h30m`.
pub fn parse_duration(input: &str) -> Result<Duration, UnitError> {
    let bad = || {
        UnitError(format!(
            "invalid duration {input:?}: expected a number with a unit \
             (ns, us, ms, s, m, h, d, w), e.g. 250ms, 5s, 1h30m"
        ))
    };
    let s = input.trim();
    if s.is_empty() {
        return Err(bad());
    }
    let mut rest = s;
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let (number, after) = split_number(rest);
        let unit_len = after
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(after.len());
        let (unit, next) = after.split_at(unit_len);
        let factor = DURATION_UNITS
            .iter()
            .find(|(u, _)| *u == unit)
            .map(|(_, f)| *f)
            .ok_or_else(bad)?;
        total = total
            .checked_add(scaled(number, factor).ok_or_else(bad)?)
            .ok_or_else(bad)?;
        rest = next;
    }
    let secs = u64::try_from(total / 1_000_000_000).map_err(|_| bad())?;
    // Lossless: the remainder of a division by 1e9 always fits in u32.
    let nanos = (total % 1_000_000_000) as u32;
    Ok(Duration::new(secs, nanos))
}

/// Parses `512KiB`, `2GiB`, `1MB`, `1.5GiB` or a plain byte count `4096`.
pub fn parse_size(input: &str) -> Result<u64, UnitError> {
    let bad = || {
        UnitError(format!(
            "invalid size {input:?}: expected bytes or a number with a unit \
             (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB), e.g. 512KiB, 2GiB"
        ))
    };
    let s = input.trim();
    let (number, unit) = split_number(s);
    let factor = if unit.is_empty() {
        // A fraction of a byte is meaningless.
        if number.contains('.') {
            return Err(bad());
        }
        1
    } else {
        SIZE_UNITS
            .iter()
            .find(|(u, _)| *u == unit.trim())
            .map(|(_, f)| *f)
            .ok_or_else(bad)?
    };
    let bytes = scaled(number, factor).ok_or_else(bad)?;
    u64::try_from(bytes).map_err(|_| bad())
}

/// Displays a duration canonically (`1h30m`, `250ms`, `0s`) so that
/// `parse_duration(&HumanDuration(d).to_string()) == Ok(d)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanDuration(pub Duration);

impl fmt::Display for HumanDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut nanos = self.0.as_nanos();
        if nanos == 0 {
            return f.write_str("0s");
        }
        // Largest units first, weeks left out (7d reads better than 1w);
        // "m" is minutes, so it must precede "ms".
        for (unit, factor) in DURATION_UNITS.iter().rev().filter(|(u, _)| *u != "w") {
            if nanos >= *factor {
                write!(f, "{}{unit}", nanos / factor)?;
                nanos %= factor;
            }
        }
        Ok(())
    }
}

/// Displays a byte count with the largest binary unit that divides it
/// exactly (`2GiB`, `1536KiB`, `1000B`), so it parses back to the same value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanSize(pub u64);

impl fmt::Display for HumanSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = u128::from(self.0);
        for unit in ["TiB", "GiB", "MiB", "KiB"] {
            let factor = SIZE_UNITS.iter().find(|(u, _)| *u == unit).map(|(_, f)| *f);
            if let Some(factor) = factor
                && bytes >= factor
                && bytes % factor == 0
            {
                return write!(f, "{}{unit}", bytes / factor);
            }
        }
        write!(f, "{bytes}B")
    }
}

/// A size for people, rounded to one decimal (`7.3GiB`, `512.0KiB`, `17B`);
/// use [`HumanSize`] where the exact value must survive a round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApproxSize(pub u64);

impl fmt::Display for ApproxSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0 as f64;
        for (unit, factor) in [
            ("TiB", 1u64 << 40),
            ("GiB", 1 << 30),
            ("MiB", 1 << 20),
            ("KiB", 1 << 10),
        ] {
            if self.0 >= factor {
                return write!(f, "{:.1}{unit}", b / factor as f64);
            }
        }
        write!(f, "{}B", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_exactly() {
        let cases = [
            ("250ms", Duration::from_millis(250)),
            ("5s", Duration::from_secs(5)),
            ("2m", Duration::from_secs(120)),
            ("1h", Duration::from_secs(3600)),
            ("7d", Duration::from_secs(7 * 86400)),
            ("1w", Duration::from_secs(7 * 86400)),
            ("1.5s", Duration::from_millis(1500)),
            ("1h30m", Duration::from_secs(5400)),
            ("10us", Duration::from_micros(10)),
            ("0s", Duration::ZERO),
        ];
        for (text, want) in cases {
            assert_eq!(parse_duration(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn durations_reject_ambiguity() {
        for bad in ["", "5", "5 parsecs", "s", "1.2.3s", "-5s", "5S", "1h30"] {
            let err = parse_duration(bad).unwrap_err().to_string();
            assert!(err.contains("invalid duration"), "{bad}: {err}");
        }
    }

    #[test]
    fn sizes_parse_exactly() {
        let cases = [
            ("512KiB", 512 * 1024),
            ("2GiB", 2 << 30),
            ("1MB", 1_000_000),
            ("1.5GiB", 3 << 29),
            ("4096", 4096),
            ("10B", 10),
        ];
        for (text, want) in cases {
            assert_eq!(parse_size(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn sizes_reject_ambiguity() {
        for bad in ["", "2G", "1.5", "KiB", "1 XB", "99999999999TiB"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn display_round_trips() {
        for d in ["1h30m", "250ms", "0s", "7d", "1m1s1ms"] {
            let parsed = parse_duration(d).unwrap();
            assert_eq!(HumanDuration(parsed).to_string(), d);
        }
        for s in [0_u64, 1000, 1536 * 1024, 2 << 30, 12345] {
            assert_eq!(parse_size(&HumanSize(s).to_string()), Ok(s));
        }
    }

    #[test]
    fn approximate_sizes_round_to_one_decimal() {
        assert_eq!(ApproxSize(17).to_string(), "17B");
        assert_eq!(ApproxSize(1536).to_string(), "1.5KiB");
        assert_eq!(ApproxSize((7 << 30) + (300 << 20)).to_string(), "7.3GiB");
    }
}
