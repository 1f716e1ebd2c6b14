#!/usr/bin/env bash
# omni ledger in one run (issue 4's figures):
#   1. `record --batch` of N signed events (default 200000), committed in
#      batches of 4096 (each synced and checkpointed): events/s
#      (target: at least 50,000/s);
#   2. `verify` of that ledger: seconds, and the time extrapolated to
#      1,000,000 events (target: under 10 s);
#   3. replication: a four-replica BFT cluster on loopback against a
#      three-member etcd cluster (Debian `etcd-server`, crash-fault tolerant
#      only, durable defaults) driven by the same load generator
#      (benches/ledger_cluster.rs): C clients submitting batches of B events
#      (omni: one POST /v1/events array; etcd: one /v3/kv/txn of B puts of
#      an omni entry's size) for S seconds; committed events/s, p50/p99
#      commit latency of a batch, and the ratio (target: omni >= etcd).
#      etcd-server is installed with apt when missing (as root); else exit 69.
# Run on an idle machine: figures are noisy.
#
#   scripts/bench/ledger.sh [N]
#   LEDGER_BENCH_CLIENTS=32 LEDGER_BENCH_BATCH=64 LEDGER_BENCH_SECONDS=10 scripts/bench/ledger.sh
#   LEDGER_BENCH_PARTS=3 scripts/bench/ledger.sh     # the cluster part only
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-200000}"
parts="${LEDGER_BENCH_PARTS:-123}"
command -v python3 >/dev/null || { echo "ledger.sh: python3 is missing" >&2; exit 69; }
if [[ "$parts" == *3* ]] && ! command -v etcd >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "ledger.sh: installing etcd-server (apt-get)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server >/dev/null
        # Only our own members run: never the Debian service.
        systemctl disable --now etcd >/dev/null 2>&1 || true
    fi
    command -v etcd >/dev/null || {
        echo "ledger.sh: etcd is missing (install Debian's etcd-server as root, or put etcd on PATH)" >&2
        exit 69
    }
fi
target=x86_64-unknown-linux-musl
cargo build --quiet --release --locked --target "$target" --bin omni
omni="$PWD/target/$target/release/omni"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
if [[ "$parts" == *3* ]]; then
    # The load generator, built like omni (release), outside the timed runs.
    generator="$(cargo build --release --locked --target "$target" --bench ledger_cluster --quiet \
        --message-format=json | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "ledger_cluster" and m.get("executable"):
        print(m["executable"])')"
    [ -x "$generator" ] || { echo "ledger.sh: the load generator did not build" >&2; exit 70; }
fi
export HOME="$work"
if [[ "$parts" == *[12]* ]]; then
python3 - "$n" > "$work/events.jsonl" <<'PY'
import json, sys
for i in range(int(sys.argv[1])):
    print(json.dumps({"type": "brute_force", "source": f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}",
                      "severity": "high", "meta": {"attempts": i % 17}}))
PY
"$omni" -q ledger init --data-dir "$work/l" >/dev/null
python3 - "$omni" "$work" "$n" <<'PY'
import subprocess, sys, time
omni, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = time.perf_counter()
subprocess.run([omni, "-q", "ledger", "record", "--data-dir", f"{work}/l", "--batch", f"{work}/events.jsonl"],
               check=True, stdout=subprocess.DEVNULL)
rec = time.perf_counter() - t
t = time.perf_counter()
subprocess.run([omni, "ledger", "verify", "--data-dir", f"{work}/l"], check=True, stdout=subprocess.DEVNULL)
ver = time.perf_counter() - t
print(f"record --batch: {n} events in {rec:.2f} s = {n / rec:,.0f} events/s (target >= 50,000)  "
      f"{'ok' if n / rec >= 50_000 else 'MISSED'}")
print(f"verify: {n} events in {ver:.2f} s; 1,000,000 at this rate: {ver * 1_000_000 / n:.1f} s (target < 10)  "
      f"{'ok' if ver * 1_000_000 / n < 10 else 'MISSED'}")
PY
fi
if [[ "$parts" == *3* ]]; then
    echo
    echo "replication: 4 omni replicas (BFT, f = 1) against 3 etcd members (raft, crash faults only), loopback"
    "$generator" --omni "$omni" --etcd "$(command -v etcd)" \
        --clients "${LEDGER_BENCH_CLIENTS:-32}" --batch "${LEDGER_BENCH_BATCH:-64}" \
        --seconds "${LEDGER_BENCH_SECONDS:-10}"
fi
