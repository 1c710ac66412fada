#!/usr/bin/env bash
# Builds deploy/Dockerfile with podman and runs both services from the
# image over one volume, as an operator would: waits for each container's
# health check, checks it runs as non-root, ingests two documents with the
# image's accordctl, searches them through the query container, reads the
# ingest-service's /metrics, takes a backup, and stops both with SIGTERM,
# expecting clean exits. Exit 77 (skipped) when podman is not installed;
# ../shared/CONTAINERS.md (or deploy/README.md) says how to set it up.
#
# Usage: scripts/container-test.sh        (ACCORD_IMAGE: the tag to build)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v podman >/dev/null; then
  echo "container-test: SKIPPED: podman is not installed (deploy/README.md)"
  exit 77
fi
image=${ACCORD_IMAGE:-localhost/accord-test}
name=accord-ct-$$
fail() { echo "container-test: FAILED: $*" >&2; exit 1; }
cleanup() {
  podman rm -f -t 2 "$name-ingest" "$name-query" >/dev/null 2>&1 || true
  podman volume rm -f "$name-data" "$name-backups" >/dev/null 2>&1 || true
}
trap cleanup EXIT

start=$SECONDS
echo "container-test: building $image"
podman build --format=docker -f deploy/Dockerfile -t "$image" . >/tmp/"$name"-build.log 2>&1 ||
  { tail -30 /tmp/"$name"-build.log; fail "podman build"; }
echo "container-test: built in $((SECONDS - start)) s"
podman volume create "$name-data" >/dev/null
podman volume create "$name-backups" >/dev/null

wait_healthy() {
  for _ in $(seq 90); do
    if podman healthcheck run "$1" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  podman logs "$1" | tail -20
  fail "$1 never became healthy"
}

# The image's default command: the ingest-service.
podman run -d --name "$name-ingest" -e ACCORD_SERVICE=ingest \
  -v "$name-data:/var/lib/accord" -v "$name-backups:/var/lib/accord-backups" \
  "$image" >/dev/null
wait_healthy "$name-ingest"
podman run -d --name "$name-query" -e ACCORD_SERVICE=query \
  -v "$name-data:/var/lib/accord" "$image" \
  accord-query --data_dir=/var/lib/accord/store \
  --secondary_dir=/tmp/accord-secondary --listen=0.0.0.0:50052 \
  --metrics_listen=0.0.0.0:9152 >/dev/null
wait_healthy "$name-query"
echo "container-test: both containers healthy"

uid=$(podman exec "$name-ingest" id -u)
[[ "$uid" != 0 ]] || fail "the ingest container runs as root"

podman exec "$name-ingest" sh -c '
  mkdir -p /tmp/docs &&
  printf "Heron accord talks\n\nDelegations met in Quito on Monday to discuss the heron accord on cyber incidents.\n" > /tmp/docs/en.txt &&
  printf "Pourparlers sur l%saccord du h%sron\n\nLes d%sl%sgations se sont r%sunies %s Quito lundi pour discuter de l%saccord du h%sron.\n" "’" "é" "é" "é" "é" "à" "’" "é" > /tmp/docs/fr.txt'
out=$(podman exec "$name-ingest" accordctl --ingest_addr=127.0.0.1:50051 --quiet ingest /tmp/docs) ||
  fail "ingest: $out"
grep -q "2 created" <<<"$out" || fail "ingest did not create 2 documents: $out"

found=""
for _ in $(seq 30); do
  out=$(podman exec "$name-query" accordctl --query_addr=127.0.0.1:50052 search heron 2>&1) || true
  if grep -q "Heron accord talks" <<<"$out"; then found=yes; break; fi
  sleep 1
done
[[ -n "$found" ]] || fail "search through the query container: $out"
echo "container-test: ingested 2 documents, found them through the query container"

metrics=$(podman exec "$name-ingest" bash -c '
  exec 3<>/dev/tcp/127.0.0.1/9151 &&
  printf "GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && cat <&3')
grep -q '^accord_ingest_documents_total{outcome="created"} 2' <<<"$metrics" ||
  fail "metrics: no count of 2 created documents"

out=$(podman exec "$name-ingest" accordctl --ingest_addr=127.0.0.1:50051 backup) ||
  fail "backup: $out"
grep -q "backup 1 .* 2 documents" <<<"$out" || fail "backup: $out"
echo "container-test: metrics and backup OK"

podman stop -t 15 "$name-query" "$name-ingest" >/dev/null
for c in "$name-ingest" "$name-query"; do
  code=$(podman inspect --format '{{.State.ExitCode}}' "$c")
  [[ "$code" == 0 ]] || { podman logs "$c" | tail -10; fail "$c exited $code after SIGTERM"; }
done
echo "container-test: PASSED in $((SECONDS - start)) s"
