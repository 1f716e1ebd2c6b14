#!/usr/bin/env bash
# omni parallel run beside xargs -P2 and GNU parallel -j2, in one run, on the
# same workload: N `true` jobs (default 5000). Prints ms/job and the two
# ratios against the targets (issue 5: omni <= 1.3x xargs, <= 0.35x GNU).
# Run on an idle machine: figures are noisy.
#
#   scripts/bench/parallel.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-5000}"
for tool in hyperfine parallel xargs python3; do
  command -v "$tool" >/dev/null || { echo "parallel.sh: $tool is missing" >&2; exit 69; }
done
# The static build is what install.sh installs (and what starts fastest).
target=x86_64-unknown-linux-musl
cargo build --quiet --release --locked --target "$target" --features parallel --bin omni
omni="$PWD/target/$target/release/omni"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export HOME="$work"
seq "$n" > "$work/in"

hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$work/h.json" -N \
  -n xargs    "xargs -P2 -n1 -a $work/in true" \
  -n gnu      "parallel --will-cite -j2 true :::: $work/in" \
  -n omni     "$omni parallel run -j2 true :::: $work/in" >&2

python3 - "$work/h.json" "$n" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
n = int(sys.argv[2])
ms = {k: v["mean"] * 1000 / n for k, v in res.items()}
print(f"{'tool':<8} {'ms/job':>8}  (N={n}, -j2)")
for k in ("xargs", "gnu", "omni"):
    print(f"{k:<8} {ms[k]:8.3f}")
rx, rg = ms["omni"] / ms["xargs"], ms["omni"] / ms["gnu"]
print(f"omni/xargs {rx:5.2f}x  (target <= 1.30)  {'ok' if rx <= 1.3 else 'MISSED'}")
print(f"omni/gnu   {rg:5.2f}x  (target <= 0.35)  {'ok' if rg <= 0.35 else 'MISSED'}")
PY
