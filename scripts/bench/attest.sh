#!/usr/bin/env bash
# omni attest beside its peers, in one run, on the same inputs:
#   1. batch verification of 10,000 attestations vs `openssl speed ed25519`'s
#      single-core verify rate (issue 3 target: omni >= 2x, using both cores);
#   2. whole-process verification of one attestation vs a securesystemslib
#      (PyPI) DSSE verifier, and of one TPM quote vs `tpm2_checkquote`
#      (issue 3 target: omni >= 5x faster than either).
# Prints a table of rates and ratios. Run on an idle machine: figures are noisy.
#
#   scripts/bench/attest.sh [N]      (default N = 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-10000}"
for tool in hyperfine openssl python3; do
  command -v "$tool" >/dev/null || { echo "attest.sh: $tool is missing" >&2; exit 69; }
done
# The static build is what install.sh installs (and what starts fastest).
target=x86_64-unknown-linux-musl
cargo build --quiet --release --locked --target "$target" --bin omni
omni="$PWD/target/$target/release/omni"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export HOME="$work" OMNI_DATA_DIR="$work/data"

"$omni" attest init >/dev/null
head -c 65536 /dev/urandom > "$work/artifact"
"$omni" attest attest --subject "$work/artifact" -o "$work/one.json" >/dev/null
mkdir "$work/batch"
for i in $(seq 1 "$n"); do cp "$work/one.json" "$work/batch/$i.json"; done

# 1. batch throughput vs openssl (single core, same run).
openssl_rate="$(openssl speed -seconds 3 ed25519 2>/dev/null | awk '/Ed25519/ {print $NF}')"
omni_rate="$("$omni" attest verify --batch "$work/batch" --format json | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["per_second"]))')"

# 2. whole-process single verification: the same attestation for omni and
#    securesystemslib, the same tpm2-tools quote files for omni and tpm2_checkquote.
quote=tests/data/attest/tpm2-quote
qargs="-u $quote/ak.pem -m $quote/q.msg -s $quote/q.sig -f $quote/q.pcrs"
cmds=("$omni attest verify $work/one.json --key $OMNI_DATA_DIR/attest/signing.pub"
      "$omni attest verify-quote $qargs --nonce 0011223344556677")
labels=("omni attest verify" "omni attest verify-quote")
if python3 -c 'import securesystemslib.dsse' 2>/dev/null; then
  cmds+=("python3 tests/data/attest/dsse_interop.py verify $work/one.json $OMNI_DATA_DIR/attest/signing.pub")
  labels+=("securesystemslib verify")
fi
if command -v tpm2_checkquote >/dev/null; then
  cmds+=("tpm2_checkquote $qargs -g sha256 -q 0011223344556677")
  labels+=("tpm2_checkquote")
fi
hyperfine -N --warmup 20 --runs 200 --export-json "$work/h.json" "${cmds[@]}" >/dev/null 2>&1

python3 - "$work/h.json" "$openssl_rate" "$omni_rate" "${labels[@]}" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
openssl_rate, omni_rate = float(sys.argv[2]), float(sys.argv[3])
labels = sys.argv[4:]
print(f"batch verify: omni {omni_rate:,.0f}/s (all cores) vs openssl speed ed25519 {openssl_rate:,.0f}/s (one core): "
      f"{omni_rate / openssl_rate:.2f}x (target >= 2x)")
# Medians: a shared 2-core machine throws outliers that drag means around.
med = {label: r["median"] for label, r in zip(labels, res)}
mean = {label: r["mean"] for label, r in zip(labels, res)}
print(f'\n{"whole process":<28} {"median ms":>9} {"mean ms":>8}')
for label in labels:
    print(f'{label:<28} {med[label]*1e3:9.2f} {mean[label]*1e3:8.2f}')
pairs = [("securesystemslib verify", "omni attest verify"), ("tpm2_checkquote", "omni attest verify-quote")]
for peer, mine in pairs:
    if peer in med:
        print(f"{peer} / {mine}: {med[peer] / med[mine]:.1f}x by median, {mean[peer] / mean[mine]:.1f}x by mean (target >= 5x)")
PY
