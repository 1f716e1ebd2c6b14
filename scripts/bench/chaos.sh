#!/usr/bin/env bash
# omni chaos beside its peers, in one run:
#   CPU hog accuracy: omni chaos inject --fault cpu and stress-ng --cpu-load
#   on one core at 20, 50 and 80%, each measured the same way from outside
#   (the process's user+system CPU time from /proc over the middle of the
#   run, divided by the wall time), and the error against the target
#   (issue 6: within 3 points; stress-ng undershot by 6-14% in research);
#   then the same at 20 and 40% with a busy loop competing for that core
#   (both hogs and the competitor pinned to cpu 0), where an open-loop duty
#   cycle loses the time the competitor holds the core after each sleep;
#   2. the fault proxy with no toxics against a direct connection and against
#   socat as a plain TCP relay: added p50/p99 latency per 64-byte round trip
#   (issue 6: added p50 under 100 us) and throughput of a loopback transfer
#   (issue 6: at least 1.5x socat's);
#   3. the experiment runner against Chaos Toolkit's (PyPI chaostoolkit):
#   wall time of the same experiment, three process probes before and
#   after a no-op method, run RUNS times by each (research: omni under
#   10 ms; Chaos Toolkit pays Python's start-up).
# Run on an idle machine: a busy core takes time from both hogs.
#
#   scripts/bench/chaos.sh [SECONDS] [ROUND_TRIPS] [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-6}"
for tool in stress-ng python3 taskset socat; do
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

# 2. The proxy against socat. An echo server and a sink in Python; omni's
#    proxy and socat each relay to them; the client measures.
rt="${2:-20000}"
mb="${3:-2000}"
api_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$omni" chaos proxy --listen "127.0.0.1:$api_port" >/dev/null &
proxy_pid=$!
trap 'kill $proxy_pid 2>/dev/null; rm -rf "$work"' EXIT
python3 - "$api_port" "$rt" "$mb" <<'PY'
import json, socket, subprocess, sys, threading, time, urllib.request
api, rounds, mb = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])

def serve(handler):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0)); s.listen(16)
    def loop():
        while True:
            c, _ = s.accept()
            c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=handler, args=(c,), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()
    return s.getsockname()[1]

def echo(c):
    while True:
        d = c.recv(65536)
        if not d: return
        c.sendall(d)

def sink(c):
    buf = bytearray(1 << 20)
    while c.recv_into(buf): pass
    c.sendall(b"k"); c.close()

echo_port, sink_port = serve(echo), serve(sink)
for _ in range(50):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{api}/version"); break
    except OSError:
        time.sleep(0.1)

def proxy(name, upstream):
    req = urllib.request.Request(f"http://127.0.0.1:{api}/proxies", method="POST",
        data=json.dumps({"name": name, "listen": "127.0.0.1:0", "upstream": f"127.0.0.1:{upstream}"}).encode())
    return int(json.load(urllib.request.urlopen(req))["listen"].rsplit(":", 1)[1])

def socat(upstream):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    p = subprocess.Popen(["socat", f"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork", f"TCP:127.0.0.1:{upstream}"])
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port)).close(); break
        except OSError:
            time.sleep(0.05)
    return port, p

def rtts(port):
    s = socket.create_connection(("127.0.0.1", port)); s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    msg, out = b"x" * 64, []
    for i in range(rounds + 500):
        t = time.perf_counter_ns(); s.sendall(msg)
        got = 0
        while got < 64: got += len(s.recv(64 - got))
        if i >= 500: out.append((time.perf_counter_ns() - t) / 1000)
    s.close(); out.sort()
    return out[len(out) // 2], out[int(len(out) * 0.99)]

def throughput(port):
    s = socket.create_connection(("127.0.0.1", port))
    block = b"\0" * (1 << 20)
    t = time.perf_counter()
    for _ in range(mb): s.sendall(block)
    s.shutdown(socket.SHUT_WR); s.recv(1)
    return mb * (1 << 20) / (time.perf_counter() - t) / 1e6

omni_echo, omni_sink = proxy("echo", echo_port), proxy("sink", sink_port)
socat_echo, p1 = socat(echo_port)
socat_sink, p2 = socat(sink_port)
try:
    d50, d99 = rtts(echo_port)
    o50, o99 = rtts(omni_echo)
    s50, s99 = rtts(socat_echo)
    dt, ot, st = throughput(sink_port), throughput(omni_sink), throughput(socat_sink)
finally:
    p1.kill(); p2.kill()
print(f"\nproxy, no toxics ({rounds} round trips of 64 B; {mb} MiB transfer)")
print(f"{'path':<8} {'p50 us':>8} {'p99 us':>8} {'added p50':>10} {'added p99':>10} {'MB/s':>8}")
print(f"{'direct':<8} {d50:>8.1f} {d99:>8.1f} {'':>10} {'':>10} {dt:>8.0f}")
print(f"{'omni':<8} {o50:>8.1f} {o99:>8.1f} {o50 - d50:>10.1f} {o99 - d99:>10.1f} {ot:>8.0f}")
print(f"{'socat':<8} {s50:>8.1f} {s99:>8.1f} {s50 - d50:>10.1f} {s99 - d99:>10.1f} {st:>8.0f}")
print(f"omni added p50 {o50 - d50:.1f} us (target < 100)  {'ok' if o50 - d50 < 100 else 'MISSED'}")
print(f"omni/socat throughput {ot / st:.2f}x (target >= 1.5)  {'ok' if ot / st >= 1.5 else 'MISSED'}")
PY

# 3. The experiment runner against Chaos Toolkit's, on one file.
if python3 -c 'import chaostoolkit' 2>/dev/null; then
python3 - "$omni" "$work" "${RUNS:-20}" <<'PY'
import json, os, subprocess, sys, time
omni, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
probe = lambda n: {"type": "probe", "name": f"p{n}", "tolerance": 0,
                   "provider": {"type": "process", "path": "true"}}
exp = {"title": "no-op", "description": "three probes around a no-op method",
       "steady-state-hypothesis": {"title": "h", "probes": [probe(n) for n in range(3)]},
       "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}
path = os.path.join(work, "noop.json")
json.dump(exp, open(path, "w"))
journal = os.path.join(work, "journal.json")
def wall(cmd):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2] * 1000
o = wall([omni, "-q", "chaos", "run", "--journal-path", journal, path])
c = wall([sys.executable, "-m", "chaostoolkit", "--log-file", os.path.join(work, "ctk.log"),
          "run", "--journal-path", journal, path])
print(f"\nexperiment runner, 3 probes before and after a no-op method (median of {runs})")
print(f"omni {o:.1f} ms, chaos toolkit {c:.1f} ms: omni/ctk {o / c:.3f}x  (research: omni under 10 ms)")
PY
else
  echo "chaos.sh: PyPI chaostoolkit is missing (python3 -m pip install chaostoolkit); runner comparison skipped" >&2
fi
