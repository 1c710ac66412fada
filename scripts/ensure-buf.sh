#!/usr/bin/env bash
# Installs the buf CLI (API lint, buf curl) from the npm registry into
# tools/buf/node_modules unless it is already there. Prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."
buf=tools/buf/node_modules/.bin/buf
if [[ ! -x "$buf" ]]; then
  command -v npm >/dev/null || { echo "ensure-buf: npm not found" >&2; exit 1; }
  mkdir -p tools/buf
  (cd tools/buf && npm install --silent --no-audit --no-fund @bufbuild/buf@1 >/dev/null)
fi
echo "$PWD/$buf"
