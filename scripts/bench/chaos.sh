#!/usr/bin/env bash
# omni chaos beside its peers, in one run:
#   CPU hog accuracy: omni chaos inject --fault cpu and stress-ng --cpu-load
#   on one core at 20, 50 and 80%, each measured the same way from outside
#   (the process's user+system CPU time from /proc over the middle of the
#   run, divided by the wall time), and the error against the target
#   (issue 6: within 3 points; stress-ng undershot by 6-14% in research);
#   then the same at 20 and 40% with a busy loop competing for that core
#   (both hogs and the competitor pinned to cpu 0), where an open-loop duty
#   cycle loses the time the competitor holds the core after each sleep.
# Run on an idle machine: a busy core takes time from both hogs.
#
#   scripts/bench/chaos.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-6}"
for tool in stress-ng python3 taskset; do
  command -v "$tool" >/dev/null || { echo "chaos.sh: $tool is missing (apt-get install $tool)" >&2; exit 69; }
done
target=x86_64-unknown-linux-musl
cargo build --quiet --release --locked --target "$target" --bin omni
omni="$PWD/target/$target/release/omni"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export OMNI_STATE_DIR="$work/state"

python3 - "$omni" "$secs" <<'PY'
import os, subprocess, sys, time
omni, secs = sys.argv[1], float(sys.argv[2])
hz = os.sysconf("SC_CLK_TCK")

def ticks(pid):
    # utime + stime of every thread, from /proc/<pid>/stat (and of the
    # children, for stress-ng's worker process).
    total = 0
    for p in [pid] + children(pid):
        try:
            f = open(f"/proc/{p}/stat").read()
        except FileNotFoundError:
            continue
        rest = f[f.rfind(")") + 2:].split()
        total += int(rest[11]) + int(rest[12])
    return total

def children(pid):
    try:
        return [int(c) for c in open(f"/proc/{pid}/task/{pid}/children").read().split()]
    except FileNotFoundError:
        return []

def measure(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    t0, c0 = time.time(), ticks(p.pid)
    time.sleep(secs - 2.0)
    t1, c1 = time.time(), ticks(p.pid)
    p.wait()
    return 100.0 * (c1 - c0) / hz / (t1 - t0)

rows = []
for load in (20, 50, 80):
    o = measure([omni, "chaos", "inject", "--fault", "cpu", "--load", str(load), "--cores", "1",
                 "--duration", f"{secs}s"])
    s = measure(["stress-ng", "--cpu", "1", "--cpu-load", str(load), "-t", f"{int(secs)}s", "--quiet"])
    rows.append((load, o, s))

contended = []
busy = subprocess.Popen(["taskset", "-c", "0", "sh", "-c", "while :; do :; done"])
try:
    for load in (20, 40):
        o = measure(["taskset", "-c", "0", omni, "chaos", "inject", "--fault", "cpu", "--load", str(load),
                     "--cores", "1", "--duration", f"{secs}s"])
        s = measure(["taskset", "-c", "0", "stress-ng", "--cpu", "1", "--cpu-load", str(load),
                     "-t", f"{int(secs)}s", "--quiet"])
        contended.append((load, o, s))
finally:
    busy.kill()

worst = 0.0
for title, table in (("idle core", rows), ("core shared with a busy loop", contended)):
    print(f"\n{title}")
    print(f"{'target':>7} {'omni':>8} {'stress-ng':>10} {'omni err':>9} {'stress-ng err':>14}")
    for load, o, s in table:
        worst = max(worst, abs(o - load))
        print(f"{load:>6}% {o:>7.1f}% {s:>9.1f}% {o - load:>+8.1f} {s - load:>+13.1f}")
print(f"\nomni's worst error {worst:.1f} points (target <= 3)  {'ok' if worst <= 3 else 'MISSED'}")
PY
