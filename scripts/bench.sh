#!/usr/bin/env bash
# The search benchmark in one command: installs the peers (Xapian,
# PostgreSQL 15, libpq), builds search_bench in Release, and runs it on
# 10k and 100k generated documents with Accord and every peer in the same
# run, then Accord alone on 500k (the end of the scaling curve; the peers
# would take hours), then Accord over gRPC (grpc_load: the real servers on
# 10k and 100k documents; ingest docs/s, MB/s and store size, searches/s
# and latency from 8 concurrent clients, GetDocument latency against an
# empty RPC). Prints the tables and the ratios to Accord (see
# bench/README.md).
#
# Usage (as root on Debian 12): scripts/bench.sh [search_bench flags]
#   scripts/bench.sh --docs=10000 --queries=100      # a quicker run
#   LARGE_DOCS=0 scripts/bench.sh                    # skip the 500k run
#   GRPC_DOCS=10000 scripts/bench.sh                 # grpc_load sizes (0: skip)
#   BUILD_DIR=/tmp/rel scripts/bench.sh              # another build directory
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --with-bench

build_dir=${BUILD_DIR:-build-release}
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DACCORD_BUILD_TESTS=OFF -DACCORD_BUILD_BENCH=ON
fi
cmake --build "$build_dir" --target search_bench grpc_load -j "${JOBS:-$(nproc)}"

# Defaults first: later flags given on the command line win.
"$build_dir/bench/search_bench" --docs=10000,100000 --queries=200 \
  --work_dir="${TMPDIR:-/tmp}/accord-bench" "$@"
# The scaling curve's end, Accord alone (about 4 minutes on 2 cores).
large_docs=${LARGE_DOCS:-500000}
if ((large_docs > 0)); then
  "$build_dir/bench/search_bench" --engines=accord --docs="$large_docs" \
    --queries=200 --work_dir="${TMPDIR:-/tmp}/accord-bench" "$@"
fi
# Accord over gRPC: the real servers, fresh for each size; 8 concurrent
# search clients, then GetDocument against an empty RPC (Health/Check).
# Issue 7's targets, at 100k documents: >= 5,000 searches/s (full responses
# with snippets), GetDocument p50 within 1.5x the empty RPC's.
grpc_docs=${GRPC_DOCS:-10000,100000}
if [[ "$grpc_docs" != 0 ]]; then
  "$build_dir/bench/grpc_load" --docs="$grpc_docs" --clients=8 --seconds=20 \
    --get_calls=2000 --empty_calls=2000 \
    --ingest_bin="$build_dir/ingest-service/accord-ingest" \
    --query_bin="$build_dir/query-service/accord-query" \
    --work_dir="${TMPDIR:-/tmp}/accord-grpc-load"
fi
