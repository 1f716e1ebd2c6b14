#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls exactly this).
# On a fresh Debian machine it first installs what the suite needs, then runs:
# formatting, clippy, unit + integration tests (which include the README and
# docs examples), and the installer end to end. Tests that need root or system
# features print "SKIP <test>: <reason>" when they cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n==> %s\n' "$*"; }

step "prerequisites"
need_pkgs=()
for pair in musl-gcc:musl-tools file:file openssl:openssl curl:curl bash:bash \
            minisign:minisign swtpm:swtpm swtpm_setup:swtpm-tools tpm2_quote:tpm2-tools \
            pkg-config:pkg-config parallel:parallel sbatch:slurm-wlm munged:munge \
            iptables:iptables ip:iproute2 nft:nftables ipset:ipset; do
  command -v "${pair%%:*}" >/dev/null || need_pkgs+=("${pair#*:}")
done
# libtss2 (headers and .pc files) for the `tpm` feature's tss-esapi.
pkg-config --exists tss2-esys 2>/dev/null || need_pkgs+=(libtss2-dev)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing: ${need_pkgs[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
  else
    echo "missing packages: ${need_pkgs[*]} (run as root or: sudo apt-get install ${need_pkgs[*]})" >&2
    exit 1
  fi
fi
# The CrowdSec bouncer (Debian) enforces a ledger node's decision stream in a
# test; without its recommends (CrowdSec itself), and never as a service here.
if [ ! -x /usr/bin/crowdsec-firewall-bouncer ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends crowdsec-firewall-bouncer >/dev/null
  systemctl disable --now crowdsec-firewall-bouncer >/dev/null 2>&1 || true
fi
# fail2ban (Debian): its filters, annotated test logs and fail2ban-regex are
# what `omni ledger watch` is tested and benchmarked against; never as a service.
if [ ! -x /usr/bin/fail2ban-regex ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fail2ban >/dev/null
  systemctl disable --now fail2ban >/dev/null 2>&1 || true
fi
command -v cargo >/dev/null || { echo "cargo is missing: install Rust first" >&2; exit 1; }
# The reference DSSE implementation, for attest interop tests.
python3 -c 'import securesystemslib.dsse' 2>/dev/null || python3 -m pip install -q securesystemslib cryptography
# A Toxiproxy client library, to drive omni chaos proxy unchanged.
python3 -c 'import toxiproxy, future' 2>/dev/null || python3 -m pip install -q toxiproxy-python future
# Chaos Toolkit, to run the same experiments through both tools and compare
# the journals; jsonpath2 is what its JSON-path tolerances need. Its sample
# experiments ship only in the sdist's tests/, fetched from PyPI once.
python3 -c 'import chaostoolkit, jsonpath2' 2>/dev/null || python3 -m pip install -q chaostoolkit==1.19.0 jsonpath2
ctk_sdist=target/peers/chaostoolkit-1.16.0
if [ ! -d "$ctk_sdist/tests/fixtures" ]; then
  mkdir -p target/peers
  curl -fsSL -o target/peers/chaostoolkit.tar.gz \
    https://files.pythonhosted.org/packages/1c/63/2924fa90bcd73d5f04d76d22c00bf740c021bdc4a4d6b28fd0e4143d6434/chaostoolkit-1.16.0.tar.gz
  echo "a3108c7abc95b35ce5365eaa52bd632a35eaf5b3761db2b31f01405501d4aad1  target/peers/chaostoolkit.tar.gz" | sha256sum -c --quiet -
  tar -xzf target/peers/chaostoolkit.tar.gz -C target/peers
  rm target/peers/chaostoolkit.tar.gz
fi
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done
rustup target list --installed | grep -qx x86_64-unknown-linux-musl || rustup target add x86_64-unknown-linux-musl
echo "ok: $(cargo --version), musl target, $(command -v musl-gcc)"

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --locked --all-targets -- -D warnings

step "cargo test (unit, integration, README and docs examples)"
# With the test-only `byzantine` feature, so the ledger cluster tests can
# start a replica that equivocates, forks, forges or withholds (one build, not two;
# release and install builds never have it).
cargo test --locked --features byzantine 2>&1 | tee /tmp/omni-test.log
if grep -h '^SKIP ' /tmp/omni-test.log; then
  echo "(the tests above were skipped on this machine; CI runs them as root)"
fi
if grep -q '^SKIP ledger_cluster::a_byzantine' /tmp/omni-test.log; then
  echo "the Byzantine cluster test did not run" >&2
  exit 1
fi

step "chaos: precision measurements, alone on the machine"
# The CPU hog must hold 20/50/80% of a core within 3 points, measured from
# /proc, and the proxy's latency toxic must hold 100 ms to within 2 ms as a
# Python client (driving it through toxiproxy-python) sees it; other tests
# running beside them would take the CPU they measure, so they are
# #[ignore]d in the run above and run here by themselves, one at a time.
cargo test --locked --features byzantine --test integration chaos -- --ignored --nocapture --test-threads=1

step "slim build: no systems compiled in"
# The registry, config and docs must hold up without any system (and the
# cfg(feature) gates must compile both ways).
cargo clippy --locked --all-targets --no-default-features -- -D warnings
cargo test --locked --no-default-features --test integration -- dispatch config 2>&1 | tee /tmp/omni-test-slim.log

step "tpm feature: clippy and its tests"
# TPM quote generation links libtss2 dynamically, so it is its own feature
# (never in the static build); its tests drive swtpm.
cargo clippy --locked --all-targets --features tpm -- -D warnings
cargo test --locked --features tpm --lib -- systems::attest::tpm systems::attest::tcti
cargo test --locked --features tpm --test integration attest_tpm 2>&1 | tee /tmp/omni-test-tpm.log
grep -h '^SKIP ' /tmp/omni-test-tpm.log || true

step "install.sh end to end"
scripts/test-install.sh

echo
echo "all checks passed"
