#!/usr/bin/env bash
# A bounded fuzz run, as ctest runs each target (tests/fuzz/CMakeLists.txt):
#   run_fuzzer.sh BINARY SEED_DIR WORK_DIR SECONDS [DICT]
# Fuzzes for SECONDS over a fresh copy of SEED_DIR in WORK_DIR/corpus, so the
# committed seeds never change; a crashing input is written to
# WORK_DIR/artifacts/ and the run fails.
set -euo pipefail
binary=$1 seeds=$2 work=$3 seconds=$4 dict=${5:-}
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
cp -R "$seeds"/. "$work/corpus/"
args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048
      -print_final_stats=1 -artifact_prefix="$work/artifacts/")
if [[ -n "$dict" ]]; then
  args+=(-dict="$dict")
fi
exec "$binary" "${args[@]}" "$work/corpus"
