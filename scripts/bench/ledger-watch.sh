#!/usr/bin/env bash
# omni ledger watch against fail2ban-regex, in one run, on the same file:
# an N-line synthetic sshd auth.log (default 1000000: failures from many
# hosts, successes, noise), the installed fail2ban sshd filter. Prints lines/s
# of both, checks that both match the same number of lines, and the ratio
# (target: omni at least 20x fail2ban-regex). omni runs `--test` (every line
# through the filter, one JSON line each, nothing recorded).
# Run on an idle machine: figures are noisy.
#
#   scripts/bench/ledger-watch.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-1000000}"
command -v python3 >/dev/null || { echo "ledger-watch.sh: python3 is missing" >&2; exit 69; }
command -v fail2ban-regex >/dev/null || { echo "ledger-watch.sh: fail2ban-regex is missing (apt-get install fail2ban)" >&2; exit 69; }
target=x86_64-unknown-linux-musl
cargo build --quiet --release --locked --target "$target" --bin omni
omni="$PWD/target/$target/release/omni"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export HOME="$work"
python3 - "$n" > "$work/auth.log" <<'PY'
import random, sys
random.seed(7)
months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
for i in range(int(sys.argv[1])):
    t = i // 50
    stamp = f"{months[(t // 2592000) % 12]} {1 + (t // 86400) % 28:2d} {(t // 3600) % 24:02d}:{(t // 60) % 60:02d}:{t % 60:02d}"
    pid = 1000 + i % 30000
    ip = f"{10 + i % 200}.{(i // 7) % 256}.{(i // 1793) % 256}.{i % 251}"
    r = random.random()
    if r < 0.40:
        msg = f"Failed password for invalid user u{i % 997} from {ip} port {1024 + i % 60000} ssh2"
    elif r < 0.55:
        msg = f"Invalid user admin{i % 13} from {ip} port {1024 + i % 60000}"
    elif r < 0.65:
        msg = f"Failed password for root from {ip} port {1024 + i % 60000} ssh2"
    elif r < 0.75:
        msg = f"pam_unix(sshd:session): session opened for user bob by (uid=0)"
    elif r < 0.85:
        print(f"{stamp} web CRON[{pid}]: (root) CMD (run-parts /etc/cron.hourly)")
        continue
    else:
        msg = f"Server listening on 0.0.0.0 port 22."
    print(f"{stamp} web sshd[{pid}]: {msg}")
PY
python3 - "$omni" "$work" "$n" <<'PY'
import re, subprocess, sys, time
omni, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
log, conf = f"{work}/auth.log", "/etc/fail2ban/filter.d/sshd.conf"
t = time.perf_counter()
f2b = subprocess.run(["fail2ban-regex", log, conf], check=True, capture_output=True, text=True).stdout
f2b_s = time.perf_counter() - t
m = re.search(r"Lines: (\d+) lines, (\d+) ignored, (\d+) matched, (\d+) missed", f2b)
f2b_matched = int(m.group(3))
t = time.perf_counter()
with open(f"{work}/omni.jsonl", "wb") as out:
    subprocess.run([omni, "ledger", "watch", "--test", "--filter", "sshd", "--log", log], check=True, stdout=out)
omni_s = time.perf_counter() - t
omni_matched = sum(1 for l in open(f"{work}/omni.jsonl") if '"matched":true' in l)
print(f"{'tool':<16} {'lines':>9} {'matched':>9} {'seconds':>8} {'lines/s':>12}")
print(f"{'fail2ban-regex':<16} {n:>9} {f2b_matched:>9} {f2b_s:>8.2f} {n / f2b_s:>12,.0f}")
print(f"{'omni':<16} {n:>9} {omni_matched:>9} {omni_s:>8.2f} {n / omni_s:>12,.0f}")
ratio = f2b_s / omni_s
print(f"ratio: omni is {ratio:.1f}x fail2ban-regex (target >= 20)  {'ok' if ratio >= 20 else 'MISSED'}")
if f2b_matched != omni_matched:
    print(f"MISMATCH: fail2ban-regex matched {f2b_matched} lines, omni {omni_matched}", file=sys.stderr)
    sys.exit(1)
print("match counts equal")
PY
