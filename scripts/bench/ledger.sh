#!/usr/bin/env bash
# omni ledger, single node, in one run (issue 4's figures that a single node
# gives; the four-node cluster against a three-node etcd comes with the node):
#   1. `record --batch` of N signed events (default 200000), committed in
#      batches of 4096 (each synced and checkpointed): events/s
#      (target: at least 50,000/s);
#   2. `verify` of that ledger: seconds, and the time extrapolated to
#      1,000,000 events (target: under 10 s).
# Run on an idle machine: figures are noisy.
#
#   scripts/bench/ledger.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-200000}"
command -v python3 >/dev/null || { echo "ledger.sh: python3 is missing" >&2; exit 69; }
target=x86_64-unknown-linux-musl
cargo build --quiet --release --locked --target "$target" --bin omni
omni="$PWD/target/$target/release/omni"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export HOME="$work"
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
