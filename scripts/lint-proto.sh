#!/usr/bin/env bash
# buf lint (STANDARD) over proto/. Exit 77 (skipped) when buf is not installed
# (scripts/ensure-buf.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
buf=tools/buf/node_modules/.bin/buf
[[ -x "$buf" ]] || { echo "lint-proto: buf not installed; skipping"; exit 77; }
cd proto && "../$buf" lint && echo "lint-proto: buf lint clean"
