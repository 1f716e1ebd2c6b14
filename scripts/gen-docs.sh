#!/usr/bin/env bash
# Regenerates the committed completions/ and man/ from the clap tree.
# Run after changing any command, flag or help text; tests/docs.rs fails
# when the committed files are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
rm -rf completions man
target/debug/omni completions --out-dir completions
target/debug/omni man --out-dir man
echo "regenerated completions/ and man/"
