#!/usr/bin/env bash
# The crash loop, as long as you like: builds accord-ingest and crash_loop
# (tests/crash/) and runs it. Each cycle starts the real accord-ingest on one
# store, ingests bundles of unique documents from client threads, kills the
# server with SIGKILL at a random moment, and checks the store: every
# acknowledged bundle whole, no bundle in part (docs/STORAGE.md, "Durability
# and crash testing"). Exits non-zero on any failure and keeps the store and
# the server log.
#
# Usage: scripts/crash-loop.sh [crash_loop flags]
#   scripts/crash-loop.sh --cycles=1000                 # the long run
#   scripts/crash-loop.sh --cycles=200 --seed=7 --max_kill_delay=300ms
#   BUILD_DIR=build-store scripts/crash-loop.sh         # another build directory
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
fi
cmake --build "$build_dir" --target crash_loop accord-ingest -j "${JOBS:-$(nproc)}"
# Defaults first: flags given on the command line win. A long run needs a
# longer time budget than the program's one minute.
exec "$build_dir/tests/crash/crash_loop" --duration=24h --progress_every=50 "$@"
