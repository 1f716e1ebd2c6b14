#!/usr/bin/env bash
# Builds and installs omni: a statically linked binary (x86_64-unknown-linux-musl),
# its alias links, shell completions and man pages.
#
#   ./install.sh [--prefix DIR] [--with-tpm] [--uninstall] [--no-deps]
#
#   --prefix DIR  install under DIR (default: ~/.local): DIR/bin, DIR/share/man/man1,
#                 DIR/share/bash-completion/completions, DIR/share/zsh/site-functions,
#                 DIR/share/fish/vendor_completions.d
#   --with-tpm    build the dynamically linked variant with the `tpm` feature
#                 (libtss2 has no static library on Debian)
#   --uninstall   remove what a previous install put under --prefix, and nothing else
#   --no-deps     never install missing prerequisites; report them and stop
#
# Running it again is safe: files are replaced atomically and links that already
# point at omni are left alone. As root, missing Debian packages (musl-tools, file)
# and the rust target are installed; otherwise the script names what is missing.
set -euo pipefail

prefix="${HOME:-}/.local"
with_tpm=0
uninstall=0
install_deps=1
target=x86_64-unknown-linux-musl

die() { echo "install.sh: error: $*" >&2; exit 1; }
say() { echo "install.sh: $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --with-tpm) with_tpm=1; shift ;;
    --uninstall) uninstall=1; shift ;;
    --no-deps) install_deps=0; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see ./install.sh --help)" ;;
  esac
done
[ -n "$prefix" ] || die "no --prefix given and HOME is not set"
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac

cd "$(dirname "$0")"
bindir="$prefix/bin"
mandir="$prefix/share/man/man1"
bashdir="$prefix/share/bash-completion/completions"
zshdir="$prefix/share/zsh/site-functions"
fishdir="$prefix/share/fish/vendor_completions.d"

# Every name omni answers to in this build: the alias links we own.
alias_names() {
  "$1" --list --format json 2>/dev/null \
    | tr -d ' \n' | grep -o '"aliases":\["[^]]*\]' | grep -o '"[^",]*"' | grep -v aliases | tr -d '"'
}

if [ "$uninstall" = 1 ]; then
  if [ -x "$bindir/omni" ]; then
    real="$(readlink -f "$bindir/omni")"
    for link in "$bindir"/*; do
      [ -L "$link" ] && [ "$(readlink -f "$link")" = "$real" ] && [ "$link" != "$bindir/omni" ] && rm -f "$link" && say "removed $link"
    done
  fi
  rm -f "$bindir/omni" "$bashdir/omni" "$zshdir/_omni" "$fishdir/omni.fish"
  for page in man/*.1; do rm -f "$mandir/$(basename "$page")"; done
  for f in completions/*.bash; do rm -f "$bashdir/$(basename "$f" .bash)"; done
  for f in completions/_*; do case "$f" in *.ps1) ;; *) rm -f "$zshdir/$(basename "$f")" ;; esac; done
  for f in completions/*.fish; do rm -f "$fishdir/$(basename "$f")"; done
  say "uninstalled omni from $prefix"
  exit 0
fi

# --- prerequisites -------------------------------------------------------------
missing_pkgs=()
command -v cargo >/dev/null || die "cargo is missing: install Rust (https://rustup.rs) and retry"
command -v file >/dev/null || missing_pkgs+=(file)
command -v ldd >/dev/null || missing_pkgs+=(libc-bin)
if [ "$with_tpm" = 0 ]; then
  command -v musl-gcc >/dev/null || missing_pkgs+=(musl-tools)
else
  grep -q '^tpm *=' Cargo.toml || die "--with-tpm: this source tree has no 'tpm' feature yet (it arrives with omni attest)"
  pkg-config --exists tss2-esys 2>/dev/null || missing_pkgs+=(libtss2-dev pkg-config)
fi
if [ ${#missing_pkgs[@]} -gt 0 ]; then
  if [ "$install_deps" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing missing packages: ${missing_pkgs[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_pkgs[@]}" >/dev/null
  else
    die "missing prerequisites: ${missing_pkgs[*]} (install them with: sudo apt-get install ${missing_pkgs[*]})"
  fi
fi

# --- build ------------------------------------------------------------------------
if [ "$with_tpm" = 0 ]; then
  if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    command -v rustup >/dev/null || die "the rust target $target is missing and rustup is not available to add it"
    if [ "$install_deps" = 1 ]; then
      say "adding rust target $target"
      rustup target add "$target" >/dev/null
    else
      die "the rust target $target is missing (add it with: rustup target add $target)"
    fi
  fi
  say "building a static release binary for $target"
  cargo build --release --locked --target "$target" --bin omni
  built="target/$target/release/omni"
  # A static binary is the point: refuse to install anything else.
  desc="$(file -L "$built")"
  case "$desc" in
    *"statically linked"*|*"static-pie linked"*) ;;
    *) die "$built is not statically linked: $desc" ;;
  esac
  if ldd "$built" >/dev/null 2>&1 && ! ldd "$built" 2>&1 | grep -q "statically linked"; then
    die "$built has dynamic dependencies: $(ldd "$built" 2>&1 | tr '\n' ' ')"
  fi
  say "verified static: ${desc#*: }"
else
  say "building the dynamically linked TPM variant"
  cargo build --release --locked --features tpm --bin omni
  built="target/release/omni"
fi

# --- install ----------------------------------------------------------------------
mkdir -p "$bindir" "$mandir" "$bashdir" "$zshdir" "$fishdir"
# Copy then rename, so a running omni is never overwritten in place.
install -m 0755 "$built" "$bindir/.omni.new"
mv -f "$bindir/.omni.new" "$bindir/omni"
"$bindir/omni" --install "$bindir" >/dev/null

install -m 0644 man/*.1 "$mandir/"
for f in completions/*.bash; do install -m 0644 "$f" "$bashdir/$(basename "$f" .bash)"; done
for f in completions/_*; do case "$f" in *.ps1) ;; *) install -m 0644 "$f" "$zshdir/" ;; esac; done
install -m 0644 completions/*.fish "$fishdir/"

say "installed $bindir/omni ($("$bindir/omni" --version)) with $(alias_names "$bindir/omni" | wc -l) alias links"
case ":${PATH:-}:" in *":$bindir:"*) ;; *) say "note: $bindir is not on your PATH" ;; esac
