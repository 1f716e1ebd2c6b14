#!/usr/bin/env bash
# Start-up of the static omni against /bin/true and busybox true, in one
# hyperfine run, printed as a table of means, ratios and differences.
# Target (issue #2): omni --version within 2 ms of /bin/true.
#
#   scripts/bench/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-300}"
for tool in hyperfine busybox python3; do
  command -v "$tool" >/dev/null || { echo "startup.sh: $tool is missing (apt-get install $tool)" >&2; exit 69; }
done
target=x86_64-unknown-linux-musl
cargo build --quiet --release --locked --target "$target" --bin omni
omni="$PWD/target/$target/release/omni"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# An alias link, as users run it: the first system in this build, if any.
alias_name="$("$omni" --list --format json | python3 -c 'import json,sys; s=json.load(sys.stdin)["systems"]; print(s[0]["aliases"][1] if s else "")')"
cmds=("$omni --version" "$omni --help")
if [ -n "$alias_name" ]; then
  ln -s "$omni" "$tmp/$alias_name"; cmds+=("$tmp/$alias_name --help")
else
  cmds+=("$omni config --help")
fi
cmds+=("/bin/true" "busybox true")

hyperfine -N --warmup 30 --runs "$runs" --export-json "$tmp/h.json" "${cmds[@]}" >/dev/null 2>&1
python3 - "$tmp/h.json" "$omni" "$tmp/" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
base = next(r for r in res if r["command"] == "/bin/true")
print(f'{"command":<40} {"mean ms":>8} {"± ms":>6} {"x true":>7} {"+ms vs true":>11}')
for r in res:
    name = r["command"].replace(sys.argv[2], "omni").replace(sys.argv[3], "")
    m, s = r["mean"]*1e3, r["stddev"]*1e3
    print(f'{name[-40:]:<40} {m:8.3f} {s:6.3f} {r["mean"]/base["mean"]:7.2f} {m-base["mean"]*1e3:11.3f}')
omni = next(r for r in res if r["command"].endswith("--version"))
diff = (omni["mean"] - base["mean"]) * 1e3
print(f'\nomni --version is {diff:.3f} ms slower than /bin/true: {"PASS" if diff <= 2.0 else "FAIL"} (target <= 2 ms)')
PY
