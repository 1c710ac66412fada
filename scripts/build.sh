#!/usr/bin/env bash
# Configures and builds Accord into ${BUILD_DIR:-build} (Ninja, ccache when
# present). Extra arguments go to the configure step, e.g. -DACCORD_BUILD_BENCH=OFF.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} "$@"
fi
cmake --build "$build_dir" -j "$jobs"
