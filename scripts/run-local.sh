#!/usr/bin/env bash
# The one command to try Accord: installs what is missing, builds, and runs
# ingest-service and query-service on localhost over an embedded RocksDB
# store in ${ACCORD_DATA_DIR:-./accord-data}. Ctrl-C stops both.
#
#   ingest-service  localhost:${INGEST_PORT:-50051}
#   query-service   localhost:${QUERY_PORT:-50052}
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

data_dir=${ACCORD_DATA_DIR:-$PWD/accord-data}
ingest_port=${INGEST_PORT:-50051}
query_port=${QUERY_PORT:-50052}
mkdir -p "$data_dir"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "run-local: stopping"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

build/ingest-service/accord-ingest --data_dir="$data_dir" \
  --listen="127.0.0.1:$ingest_port" &
pids+=($!)
build/query-service/accord-query --data_dir="$data_dir" \
  --listen="127.0.0.1:$query_port" &
pids+=($!)

cat <<MSG
run-local: Accord is running (store: $data_dir)
  ingest-service  127.0.0.1:$ingest_port
  query-service   127.0.0.1:$query_port
Try, in another terminal:
  build/tools/accordctl/accordctl ingest ../shared/seeds
  build/tools/accordctl/accordctl get <document id from the report>
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
