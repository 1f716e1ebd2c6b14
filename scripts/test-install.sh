#!/usr/bin/env bash
# Exercises install.sh as a user would: a static install into a fresh prefix,
# a second run (idempotent), the installed binary and its links, a refused
# overwrite, and --uninstall leaving the prefix empty.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
fail() { echo "test-install: FAIL: $*" >&2; exit 1; }

./install.sh --prefix "$prefix"
bin="$prefix/bin/omni"
file -L "$bin" | grep -Eq 'static(-pie)? linked|statically linked' || fail "not static: $(file -L "$bin")"
"$bin" --version | grep -q '^omni ' || fail "installed omni does not run"
"$bin" --list --format json | grep -q '"systems"' || fail "--list --format json"
for page in omni.1; do [ -f "$prefix/share/man/man1/$page" ] || fail "man page $page not installed"; done
[ -f "$prefix/share/bash-completion/completions/omni" ] || fail "bash completion not installed"
[ -f "$prefix/share/zsh/site-functions/_omni" ] || fail "zsh completion not installed"
[ -f "$prefix/share/fish/vendor_completions.d/omni.fish" ] || fail "fish completion not installed"
links_before="$(find "$prefix/bin" -type l | sort)"

# Idempotent: the same tree after a second run.
./install.sh --prefix "$prefix" 2>/dev/null
[ "$(find "$prefix/bin" -type l | sort)" = "$links_before" ] || fail "second install changed the links"

# Every link the binary lists dispatches to its system.
for name in $("$bin" --list --format json | tr -d ' \n' | grep -o '"aliases":\["[^]]*\]' | grep -o '"[^",]*"' | grep -v aliases | tr -d '"'); do
  [ -L "$prefix/bin/$name" ] || fail "alias link $name missing"
  "$prefix/bin/$name" --help >/dev/null || fail "$name --help failed"
done

# Unknown names through a real link exit 127.
ln -s omni "$prefix/bin/foo-cli"
set +e; "$prefix/bin/foo-cli" 2>/dev/null; code=$?; set -e
[ "$code" = 127 ] || fail "foo-cli exited $code, expected 127"
rm "$prefix/bin/foo-cli"

./install.sh --prefix "$prefix" --uninstall
[ -z "$(find "$prefix" -type f -o -type l)" ] || fail "uninstall left: $(find "$prefix" -type f -o -type l)"
echo "test-install: ok"
