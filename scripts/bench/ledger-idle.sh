#!/usr/bin/env bash
# What an idle omni ledger cluster costs, and how long the first event after a
# pause waits: four replicas on loopback (free ports), started with the node
# flags given (default: none, the defaults), then
#   1. the CPU each replica uses over S seconds with nothing submitted
#      (utime + stime from /proc/<pid>/stat), as % of one core;
#   2. K single events, each after 1 s of quiet, submitted with
#      `omni ledger record --node` to the replicas in turn: the median and
#      largest time to the commit acknowledgement (this includes starting
#      the client process, a few ms).
# Compare settings within one run of this script: the machine is noisy.
#
#   scripts/bench/ledger-idle.sh
#   LEDGER_IDLE_SECONDS=20 LEDGER_IDLE_EVENTS=12 scripts/bench/ledger-idle.sh --unit-interval 20ms --idle-unit-interval 20ms
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v python3 >/dev/null || { echo "ledger-idle.sh: python3 is missing" >&2; exit 69; }
target=x86_64-unknown-linux-musl
cargo build --quiet --release --locked --target "$target" --bin omni
omni="$PWD/target/$target/release/omni"
work="$(mktemp -d)"
pids=()
cleanup() { [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export HOME="$work" OMNI_STATE_DIR="$work/state"
ports=()
for _ in 0 1 2 3; do
    ports+=("$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')")
done
for i in 0 1 2 3; do
    "$omni" -q ledger init --data-dir "$work/n$i" --domain "org$i" >/dev/null
done
for i in 0 1 2 3; do
    mkdir -p "$work/n$i/replicas"
    for j in 0 1 2 3; do
        [ "$i" = "$j" ] || cp "$work/n$j/key.pub" "$work/n$i/replicas/n$j.pub"
    done
done
for i in 0 1 2 3; do
    peers=()
    for j in 0 1 2 3; do [ "$i" = "$j" ] || peers+=("127.0.0.1:${ports[$j]}"); done
    "$omni" -q ledger node --data-dir "$work/n$i" --listen 127.0.0.1 --port "${ports[$i]}" --api-key k \
        --peers "$(IFS=,; echo "${peers[*]}")" "$@" >"$work/node$i.log" 2>&1 &
    pids+=("$!")
done
python3 - "$omni" "${LEDGER_IDLE_SECONDS:-20}" "${LEDGER_IDLE_EVENTS:-12}" "${ports[@]}" -- "${pids[@]}" <<'PY'
import json, os, statistics, subprocess, sys, time, urllib.request
omni, seconds, events = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
rest = sys.argv[4:]
ports, pids = rest[:rest.index("--")], [int(p) for p in rest[rest.index("--") + 1:]]
tick = os.sysconf("SC_CLK_TCK")

def linked(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/cluster/status", timeout=2) as r:
            return len(json.load(r)["linked"]) >= 3
    except Exception:
        return False

deadline = time.time() + 30
while not all(linked(p) for p in ports):
    if time.time() > deadline:
        sys.exit("ledger-idle.sh: the replicas did not link within 30 s")
    time.sleep(0.2)
time.sleep(2)

def cpu():
    total = 0
    for p in pids:
        with open(f"/proc/{p}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / tick

c0, t0 = cpu(), time.time()
time.sleep(seconds)
used = (cpu() - c0) / (time.time() - t0) / len(pids) * 100
print(f"idle: {used:.1f}% of a core per replica over {seconds:.0f} s")
lat = []
for k in range(events):
    time.sleep(1.0)
    t = time.perf_counter()
    subprocess.run([omni, "-q", "ledger", "record", "--node", f"127.0.0.1:{ports[k % 4]}", "--api-key", "k",
                    "--type", "scanner", "--source", f"10.77.{k >> 8 & 255}.{k & 255}", "--severity", "high"],
                   check=True, stdout=subprocess.DEVNULL)
    lat.append((time.perf_counter() - t) * 1000)
print(f"first event after 1 s of quiet: median {statistics.median(lat):.0f} ms, largest {max(lat):.0f} ms ({events} events)")
PY
